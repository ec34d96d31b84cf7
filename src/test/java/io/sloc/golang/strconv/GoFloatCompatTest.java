package io.sloc.golang.strconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The Go-compat cases of the engine's former float helper: %v, FormatFloat 'f' and ParseFloat. */
class GoFloatCompatTest {
    @Test
    void formatsLikeStrconvFormatFloatF() {
        assertThat(GoFloat.format(1e21, 'f', -1)).isEqualTo("1000000000000000000000");
        assertThat(GoFloat.format(0.1, 'f', -1)).isEqualTo("0.1");
        assertThat(GoFloat.format(1e-7, 'f', -1)).isEqualTo("0.0000001");
        assertThat(GoFloat.format(2, 'f', -1)).isEqualTo("2");
        assertThat(GoFloat.format(-2.5, 'f', -1)).isEqualTo("-2.5");
        assertThat(GoFloat.format(Double.NaN, 'f', -1)).isEqualTo("NaN");
        assertThat(GoFloat.format(Double.POSITIVE_INFINITY, 'f', -1)).isEqualTo("+Inf");
        assertThat(GoFloat.format(Double.NEGATIVE_INFINITY, 'f', -1)).isEqualTo("-Inf");
        // Java 17's Double.toString is not shortest here; Go's answer is
        assertThat(GoFloat.format(2.0E-3, 'f', -1)).isEqualTo("0.002");
        assertThat(GoFloat.format(1.0E23, 'f', -1)).isEqualTo("100000000000000000000000");
    }

    @Test
    void formatsLikeGoPercentV() {
        assertThat(GoFloat.formatV(1e21)).isEqualTo("1e+21");
        assertThat(GoFloat.formatV(1e20)).isEqualTo("1e+20");
        assertThat(GoFloat.formatV(123456)).isEqualTo("123456");
        assertThat(GoFloat.formatV(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFloat.formatV(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloat.formatV(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloat.formatV(1.5e-300)).isEqualTo("1.5e-300");
    }

    @Property(tries = 300)
    void shortestDigitsRoundTrip(@ForAll double v) throws GoStrconv.NumError {
        String s = GoFloat.format(v, 'f', -1);
        assertThat(GoStrconv.parseFloat(s)).isEqualTo(v);
    }

    @Test
    void parsesLikeStrconvParseFloat() throws GoStrconv.NumError {
        assertThat(GoStrconv.parseFloat("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GoStrconv.parseFloat("-infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoStrconv.parseFloat("nan")).isNaN();
        assertThat(GoStrconv.parseFloat("1e-3")).isEqualTo(0.001);
        assertThat(GoStrconv.parseFloat("0x1p-2")).isEqualTo(0.25);
        assertThat(GoStrconv.parseFloat(".5")).isEqualTo(0.5);
        // Go's float literal syntax allows '_' between digits (atof_test.go: "1_23.50_0_0e+1_2" is 1.235e+14)
        assertThat(GoStrconv.parseFloat("1_000")).isEqualTo(1000);
        for (String bad : new String[] {"", "1f", "1d", " 1", "1__000", "_1", "1_", "+nan", "0x10", ".", "1e400"}) {
            assertThatThrownBy(() -> GoStrconv.parseFloat(bad)).as(bad).isInstanceOf(GoStrconv.NumError.class);
        }
    }

    @Test
    void formatsLikeStrconvFormatFloatUpperE() {
        assertThat(GoFloat.format(1, 'E', -1)).isEqualTo("1E+00");
        assertThat(GoFloat.format(0.30000000000000004, 'E', -1)).isEqualTo("3.0000000000000004E-01");
        assertThat(GoFloat.format(Double.NaN, 'E', -1)).isEqualTo("NaN");
        assertThat(GoFloat.format(Double.POSITIVE_INFINITY, 'E', -1)).isEqualTo("+Inf");
    }
}
