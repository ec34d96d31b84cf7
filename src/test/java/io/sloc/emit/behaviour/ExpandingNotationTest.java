package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpandingNotationTest {
    private static String format(Double... values) {
        return ExpandingNotation.format(Arrays.asList(values));
    }

    @Test
    void foldsRunsAndGaps() {
        assertThat(format(0.0, 5.0, 10.0, 15.0, 3.0, 3.0, 3.0)).isEqualTo("0+5x3 3x2");
        assertThat(format(10.0, 8.0, 6.0, null, null, null, 1.0)).isEqualTo("10-2x2 _x3 1");
        assertThat(format(1.0, null, 2.0, 4.0)).isEqualTo("1 _ 2 4");
    }

    @Test
    void foldsOnlyWhatRepeatedFloatAdditionReproduces() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004 in float64, so 0.3 cannot end a +0.1 run.
        assertThat(format(0.1, 0.2, 0.3)).isEqualTo("0.1 0.2 0.3");
        assertThat(format(0.1, 0.2, 0.1 + 0.1 + 0.1)).isEqualTo("0.1+0.1x2");
    }

    @Test
    void writesNumbersPromtoolReadsBackExactly() {
        for (double v : List.of(1e-7, 0.005, 12.000000000000677, 1e20, -3.5)) {
            assertThat(Double.parseDouble(ExpandingNotation.number(v))).isEqualTo(v);
        }
        assertThat(ExpandingNotation.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(ExpandingNotation.number(Double.NaN)).isEqualTo("NaN");
        assertThat(ExpandingNotation.number(6000)).isEqualTo("6000");
    }
}
