package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XxHash64Test {
    private static long hash(String s) {
        return XxHash64.sum64(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesTheReferenceVectors() {
        assertThat(hash("")).isEqualTo(0xef46db3751d8e999L);
        assertThat(hash("a")).isEqualTo(0xd24ec4f1a98c6e5bL);
        assertThat(hash("asdf")).isEqualTo(0x415872f599cea71eL);
        // 63 bytes: the 32-byte blocks, then the 8-, 4- and 1-byte tails
        assertThat(hash("Call me Ishmael. Some years ago--never mind how long precisely-"))
                .isEqualTo(0x02a2e85470d6fd96L);
    }

    @Test
    void labelHashPrefixesEachNameAndValueWithItsLength() {
        // {a="b"} is encoded as 0x01 'a' 0x01 'b'
        assertThat(Labels.of("a", "b").prometheusHash()).isEqualTo(hash("\u0001a\u0001b"));
        assertThat(Labels.of("a", "bc").prometheusHash()).isNotEqualTo(Labels.of("ab", "c").prometheusHash());
    }

    @Test
    void longValuesUseAFourByteLength() {
        String value = "v".repeat(300);
        byte[] expected = new byte[1 + 1 + 4 + 300];
        expected[0] = 1;
        expected[1] = 'n';
        expected[2] = (byte) 255;
        expected[3] = (byte) (300 & 0xff);
        expected[4] = (byte) (300 >> 8);
        expected[5] = 0;
        for (int i = 0; i < 300; i++) {
            expected[6 + i] = 'v';
        }
        assertThat(Labels.of("n", value).prometheusHash()).isEqualTo(XxHash64.sum64(expected));
    }
}
