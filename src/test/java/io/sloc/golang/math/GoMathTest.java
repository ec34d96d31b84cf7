package io.sloc.golang.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GoMathTest {
    @Test
    void powSpecialCasesFollowGo() {
        assertThat(GoMath.pow(1, Double.NaN)).isEqualTo(1);
        assertThat(GoMath.pow(Double.NaN, 0)).isEqualTo(1);
        assertThat(GoMath.pow(-1, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(GoMath.pow(0, -1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoMath.pow(-0.0, -1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoMath.pow(-0.0, -2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoMath.pow(-8, 1.0 / 3)).isNaN();
        assertThat(GoMath.pow(Double.NEGATIVE_INFINITY, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoMath.pow(Double.NEGATIVE_INFINITY, -3)).isEqualTo(-0.0);
        assertThat(GoMath.pow(0.5, Double.POSITIVE_INFINITY)).isEqualTo(0);
        assertThat(GoMath.pow(2, Double.NEGATIVE_INFINITY)).isEqualTo(0);
        assertThat(GoMath.pow(-2, 3)).isEqualTo(-8);
        assertThat(GoMath.pow(2, -1)).isEqualTo(0.5);
        // Go's repeated squaring is not correctly rounded here (a known Go quirk); Java's Math.pow is
        assertThat(GoMath.pow(10, 308)).isEqualTo(1.0000000000000006E308);
        assertThat(Math.pow(10, 308)).isEqualTo(1e308);
        assertThat(GoMath.pow(2, 1024)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoMath.pow(2, -1074)).isEqualTo(Double.MIN_VALUE);
    }

    @Property(tries = 500)
    void integerPowersAreCloseToJava(@ForAll @DoubleRange(min = -1e3, max = 1e3) double x,
                                     @ForAll @IntRange(min = -40, max = 40) int y) {
        double expected = Math.pow(x, y);
        double actual = GoMath.pow(x, y);
        if (Double.isInfinite(expected) || expected == 0) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-14));
        }
    }

    @Property(tries = 300)
    void fractionalPowersAreCloseToJava(@ForAll @DoubleRange(min = 0.01, max = 1e3) double x,
                                        @ForAll @DoubleRange(min = -20, max = 20) double y) {
        double expected = Math.pow(x, y);
        assertThat(GoMath.pow(x, y)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
    }

    @Test
    void maxAndMinLetInfinityWinOverNaN() {
        assertThat(GoMath.max(Double.POSITIVE_INFINITY, Double.NaN)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoMath.min(Double.NaN, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoMath.max(1, Double.NaN)).isNaN();
    }

    @Test
    void kahanSumCompensates() {
        GoMath.KahanSum k = new GoMath.KahanSum();
        for (double v : new double[] {1e100, 1, -1e100}) {
            k.add(v);
        }
        assertThat(k.value()).isEqualTo(1);
    }
}
