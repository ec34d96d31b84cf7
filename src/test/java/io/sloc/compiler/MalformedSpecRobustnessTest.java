package io.sloc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.diag.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomly damaged copies of the Hatago spec and of the native-histogram latency spec (characters deleted, duplicated
 * or replaced) either compile or fail with one located BadInputException: never a NullPointerException,
 * ClassCastException or similar.
 */
class MalformedSpecRobustnessTest {
    private static final String NOISE = "{}()[]`\"#%:,-=~!@ \n0123456789.smhdw";

    @ParameterizedTest
    @ValueSource(strings = {"slo-specs/hatago.slo", "src/test/resources/specs/good/native-latency.slo"})
    void damagedSpecsFailWithLocatedMessagesOnly(String spec) throws IOException {
        String original = Files.readString(TestCompiles.projectPath(spec));
        Random random = new Random(42);
        int rejected = 0;
        for (int i = 0; i < 400; i++) {
            String damaged = damage(original, random);
            try {
                TestCompiles.compile(damaged);
            } catch (BadInputException e) {
                rejected++;
                assertThat(e.location().isKnown()).as("location of: " + e.getMessage()).isTrue();
                assertThat(e.render()).startsWith("spec0.slo:");
            }
        }
        assertThat(rejected).isGreaterThan(200);
    }

    private static String damage(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0:
                    out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(8)));
                    break;
                case 1:
                    out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(8))));
                    break;
                default:
                    out.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return out.toString();
    }
}
