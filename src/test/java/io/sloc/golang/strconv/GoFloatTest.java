package io.sloc.golang.strconv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's strconv.FormatFloat results (checked against promtool 2.42 by the template differential test). */
class GoFloatTest {
    @ParameterizedTest(name = "{0} g={1} e={2} f={3}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1|1e+00|1",
        "0.5|0.5|5e-01|0.5",
        "123456|123456|1.23456e+05|123456",
        "1e6|1e+06|1e+06|1000000",
        "1234567|1.234567e+06|1.234567e+06|1234567",
        "0.0001|0.0001|1e-04|0.0001",
        "0.00001|1e-05|1e-05|0.00001",
        "1e-7|1e-07|1e-07|0.0000001",
        "1e21|1e+21|1e+21|1000000000000000000000",
        "1e23|1e+23|1e+23|100000000000000000000000",
        "0.30000000000000004|0.30000000000000004|3.0000000000000004e-01|0.30000000000000004",
        "1.7976931348623157E308|1.7976931348623157e+308|1.7976931348623157e+308|179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "2.2250738585072014E-308|2.2250738585072014e-308|2.2250738585072014e-308|0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000022250738585072014",
        "-0.0|-0|-0e+00|-0",
        "0|0|0e+00|0",
        "-1500|-1500|-1.5e+03|-1500",
        "2e-3|0.002|2e-03|0.002",
    })
    void shortest(double v, String g, String e, String f) {
        assertThat(GoFloat.formatShortest(v, 'g')).isEqualTo(g);
        assertThat(GoFloat.formatShortest(v, 'e')).isEqualTo(e);
        assertThat(GoFloat.formatShortest(v, 'E')).isEqualTo(e.toUpperCase());
        assertThat(GoFloat.formatShortest(v, 'f')).isEqualTo(f);
    }

    @Test
    void smallestSubnormalInFixedNotation() {
        assertThat(GoFloat.formatShortest(Double.MIN_VALUE, 'g')).isEqualTo("5e-324");
        assertThat(GoFloat.formatShortest(Double.MIN_VALUE, 'f')).isEqualTo("0." + "0".repeat(323) + "5");
    }

    @ParameterizedTest(name = "%.{2}{1} of {0} = {3}")
    @CsvSource(delimiter = '|', value = {
        "1234.5|g|4|1234",       // exact tie: to even
        "1235.5|g|4|1236",
        "12345|g|4|1.234e+04",   // exact tie in exponent form
        "1000|g|4|1000",
        "1.5|g|4|1.5",
        "0.000123456|g|4|0.0001235",
        "0.5|g|0|0.5",
        "100|g|2|1e+02",
        "2.5|f|0|2",
        "3.5|f|0|4",
        "0.5|f|0|0",
        "2.675|f|2|2.67",        // 2.675 is below the tie in binary
        "0.125|f|2|0.12",
        "0.375|f|2|0.38",
        "123456|e|3|1.235e+05",
        "0|e|3|0.000e+00",
        "1e100|e|0|1e+100",
        "1e-100|E|2|1.00E-100",
        "0.1|f|20|0.10000000000000000555",
        "1.5|x|-1|0x1.8p+00",
        "1234567.5|X|-1|0X1.2D6878P+20",
        "-0.1|x|3|-0x1.99ap-04",
        "5e-324|x|-1|0x1p-1074",
    })
    void precision(double v, char fmt, int prec, String expected) {
        assertThat(GoFloat.format(v, fmt, prec)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN,NaN", "Infinity,+Inf", "-Infinity,-Inf"})
    void specialValues(double v, String expected) {
        for (char fmt : new char[] {'g', 'e', 'E', 'f'}) {
            assertThat(GoFloat.formatShortest(v, fmt)).isEqualTo(expected);
            assertThat(GoFloat.formatPrecision(v, fmt, 3)).isEqualTo(expected);
        }
    }

    /** Shortest output parses back to the value, and no string with one digit fewer does. */
    @Property(tries = 3000)
    void shortestRoundTripsAndIsMinimal(@ForAll double v) {
        if (!Double.isFinite(v) || v == 0) {
            return;
        }
        String e = GoFloat.formatShortest(v, 'e');
        assertThat(Double.parseDouble(e)).isEqualTo(v);
        BigDecimal digits = new BigDecimal(e.substring(0, e.indexOf('e')));
        int n = digits.stripTrailingZeros().precision();
        if (n > 1) {
            BigDecimal exact = new BigDecimal(v);
            BigDecimal down = exact.round(new MathContext(n - 1, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(n - 1, RoundingMode.UP));
            assertThat(down.doubleValue()).isNotEqualTo(v);
            assertThat(up.doubleValue()).isNotEqualTo(v);
        }
    }

    /** 'g' and 'f' agree with 'e' on the digits. */
    @Property(tries = 1000)
    void formatsShareDigits(@ForAll double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        assertThat(Double.parseDouble(GoFloat.formatShortest(v, 'g'))).isEqualTo(v);
        assertThat(Double.parseDouble(GoFloat.formatShortest(v, 'f'))).isEqualTo(v);
    }

    /** Values written with up to 16 digits (the quick path from Double.toString, and just past it) at any scale. */
    @Property(tries = 3000)
    void shortDecimalsGetTheDigitsOfTheExactSearch(
            @ForAll @LongRange(min = 1, max = 9_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = -330, max = 310) int scale) {
        double v = new BigDecimal(BigInteger.valueOf(unscaled), scale).doubleValue();
        if (v > 0 && Double.isFinite(v)) {
            assertThat(GoFloat.shortestDigits(v)).isEqualTo(GoFloat.exactShortestDigits(v, Double.toString(v)));
        }
    }

    @Property(tries = 3000)
    void anyDoubleGetsTheDigitsOfTheExactSearch(@ForAll double v) {
        double abs = Math.abs(v);
        if (Double.isFinite(abs)) {
            assertThat(GoFloat.shortestDigits(abs)).isEqualTo(GoFloat.exactShortestDigits(abs, Double.toString(abs)));
        }
    }

    /** Rounding from the shortest digits, or exactly where they cannot tell: the exact rounding's digits. */
    @Property(tries = 3000)
    void anyDoubleRoundsAsExactly(@ForAll double v, @ForAll @IntRange(min = 0, max = 17) int prec) {
        double abs = Math.abs(v);
        if (Double.isFinite(abs)) {
            for (char fmt : new char[] {'e', 'f', 'g'}) {
                assertThat(GoFloat.roundedDigits(abs, fmt, prec)).isEqualTo(GoFloat.exactRoundedDigits(abs, fmt, prec));
            }
        }
    }

    /** Short decimals, which often sit on or next to a rounding tie (0.125, 2.675, 1234.5), at any scale. */
    @Property(tries = 5000)
    void shortDecimalsRoundAsExactly(@ForAll @LongRange(min = 1, max = 99_999_999L) long unscaled,
                                     @ForAll @IntRange(min = -30, max = 30) int scale,
                                     @ForAll @IntRange(min = 0, max = 12) int prec) {
        double abs = new BigDecimal(BigInteger.valueOf(unscaled), scale).doubleValue();
        for (char fmt : new char[] {'e', 'f', 'g'}) {
            assertThat(GoFloat.roundedDigits(abs, fmt, prec)).isEqualTo(GoFloat.exactRoundedDigits(abs, fmt, prec));
        }
    }
}
