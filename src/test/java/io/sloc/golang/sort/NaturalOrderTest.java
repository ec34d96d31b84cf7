package io.sloc.golang.sort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void digitRunsCompareAsNumbers() {
        assertThat(NaturalOrder.less("a9", "a10")).isTrue();
        assertThat(NaturalOrder.less("a10", "a9")).isFalse();
        assertThat(NaturalOrder.less("a10b2", "a10b10")).isTrue();
    }

    @Test
    void leadingZerosAreSkippedSoPaddedNumbersAreEqual() {
        assertThat(NaturalOrder.less("a01", "a1")).isFalse();
        assertThat(NaturalOrder.less("a1", "a01")).isFalse();
    }

    @Test
    void otherBytesCompareAsBytesAndPrefixesComeFirst() {
        assertThat(NaturalOrder.less("a", "b")).isTrue();
        assertThat(NaturalOrder.less("ab", "a")).isFalse();
        assertThat(NaturalOrder.less("a", "ab")).isTrue();
        assertThat(NaturalOrder.less("Z", "a")).isTrue();
        assertThat(NaturalOrder.less("é", "z")).isFalse(); // UTF-8 bytes above ASCII
    }
}
