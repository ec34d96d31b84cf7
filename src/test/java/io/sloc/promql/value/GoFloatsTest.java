package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GoFloatsTest {
    @Test
    void formatsLikeStrconvFormatFloatF() {
        assertThat(GoFloats.formatPlain(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoFloats.formatPlain(0.1)).isEqualTo("0.1");
        assertThat(GoFloats.formatPlain(1e-7)).isEqualTo("0.0000001");
        assertThat(GoFloats.formatPlain(2)).isEqualTo("2");
        assertThat(GoFloats.formatPlain(-2.5)).isEqualTo("-2.5");
        assertThat(GoFloats.formatPlain(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.formatPlain(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloats.formatPlain(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        // Java 17's Double.toString is not shortest here; Go's answer is
        assertThat(GoFloats.formatPlain(2.0E-3)).isEqualTo("0.002");
        assertThat(GoFloats.formatPlain(1.0E23)).isEqualTo("100000000000000000000000");
    }

    @Test
    void formatsLikeGoPercentV() {
        assertThat(GoFloats.formatV(1e21)).isEqualTo("1e+21");
        assertThat(GoFloats.formatV(1e20)).isEqualTo("1e+20");
        assertThat(GoFloats.formatV(123456)).isEqualTo("123456");
        assertThat(GoFloats.formatV(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFloats.formatV(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloats.formatV(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloats.formatV(1.5e-300)).isEqualTo("1.5e-300");
    }

    @Property(tries = 300)
    void shortestDigitsRoundTrip(@ForAll double v) {
        String s = GoFloats.formatPlain(v);
        assertThat(GoFloats.parseFloat(s)).isEqualTo(v);
    }

    @Test
    void parsesLikeStrconvParseFloat() {
        assertThat(GoFloats.parseFloat("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoFloats.parseFloat("-infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoFloats.parseFloat("nan")).isNaN();
        assertThat(GoFloats.parseFloat("1e-3")).isEqualTo(0.001);
        assertThat(GoFloats.parseFloat("0x1p-2")).isEqualTo(0.25);
        assertThat(GoFloats.parseFloat(".5")).isEqualTo(0.5);
        for (String bad : new String[] {"", "1f", "1d", " 1", "1_000", "+nan", "0x10", ".", "1e400"}) {
            assertThatThrownBy(() -> GoFloats.parseFloat(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }
}
