package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateAndOverTimeTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void rateWithSamplesAtBothWindowEdgesNeedsNoExtrapolation() {
        f.series("__name__,c", 10, 0, 10, 20, 30, 40, 50, 60);
        assertThat(f.single("increase(c[1m])", 60)).isEqualTo(60);
        assertThat(f.single("rate(c[1m])", 60)).isEqualTo(1);
    }

    @Test
    void extrapolatesByHalfAnIntervalWhenTheGapIsLarge() {
        f.series("__name__,g", 10, 5, 5, 5, 10, 15, 20, 25);
        // window [-60s, 60s]; points 0..60s: delta 20 over 60s sampled; the 60s start gap exceeds 1.1 x 10s,
        // so only half an average interval (5s) is added there; the end gap is 0
        double expected = 20 * (60 + 5 + 0) / 60.0;
        assertThat(f.single("delta(g[2m])", 60)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void counterResetsAddThePreviousValueAndZeroCutoffLimitsExtrapolation() {
        f.series("__name__,c", 10, 10, 20, 5, 15);
        // increase = (15 - 10) + 20 = 25 over samples 0..30s in window [-30s, 30s]
        // durationToZero = 30 * 10/25 = 12s < 30s start gap, but 12 > 1.1*10 → add 5s; end gap 0
        double expected = 25 * (30 + 5) / 30.0;
        assertThat(f.single("increase(c[1m])", 30)).isCloseTo(expected, within(1e-12));
        assertThat(f.single("resets(c[1m])", 30)).isEqualTo(1);
        assertThat(f.single("changes(c[1m])", 30)).isEqualTo(3);
    }

    @Test
    void rateNeedsTwoSamples() {
        f.series("__name__,c", 60, 1, 2);
        assertThat(f.vector("rate(c[30s])", 60).isEmpty()).isTrue();
        assertThat(f.vector("irate(c[30s])", 60).isEmpty()).isTrue();
    }

    @Test
    void irateUsesTheLastTwoSamplesAndTreatsDropsAsResets() {
        f.series("__name__,c", 10, 1, 20, 5);
        assertThat(f.single("irate(c[1m])", 20)).isEqualTo(0.5);
        assertThat(f.single("idelta(c[1m])", 20)).isEqualTo(-15);
    }

    @Test
    void sumOverTimeIsKahanCompensated() {
        f.series("__name__,m", 10, 1e100, 1, -1e100);
        assertThat(f.single("sum_over_time(m[1m])", 20)).isEqualTo(1);
    }

    @Test
    void avgOverTimeHandlesInfinities() {
        f.series("__name__,m", 10, Double.POSITIVE_INFINITY, 1, Double.POSITIVE_INFINITY);
        f.series("__name__,n", 10, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(f.single("avg_over_time(m[1m])", 20)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.single("avg_over_time(n[1m])", 20)).isNaN();
    }

    @Test
    void minMaxOverTimeSkipLeadingNaN() {
        f.series("__name__,m", 10, Double.NaN, 3, 1);
        assertThat(f.single("min_over_time(m[1m])", 20)).isEqualTo(1);
        assertThat(f.single("max_over_time(m[1m])", 20)).isEqualTo(3);
    }

    @Test
    void overTimeFunctionsDropTheNameExceptLastOverTime() {
        f.series("__name__,m,a,b", 10, 1, 2);
        assertThat(f.values("sum_over_time(m[1m])", 10)).containsOnlyKeys("{a=\"b\"}");
        assertThat(f.values("last_over_time(m[1m])", 10)).containsEntry("m{a=\"b\"}", 2.0);
    }

    @Test
    void derivAndPredictLinearFitALine() {
        f.series("__name__,m", 10, 0, 20, 40, 60);
        assertThat(f.single("deriv(m[1m])", 30)).isCloseTo(2, within(1e-12));
        assertThat(f.single("predict_linear(m[1m], 10)", 30)).isCloseTo(80, within(1e-9));
    }

    @Test
    void holtWintersRejectsBadFactors() {
        f.series("__name__,m", 10, 0, 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.eval("holt_winters(m[1m], 1, 0.5)", 10))
                .isInstanceOf(PromqlEvalException.class)
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.eval("holt_winters(m[1m], 0.5, Inf)", 10))
                .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: +Inf");
        assertThat(f.vector("holt_winters(nothing[1m], 2, 2)", 10).isEmpty()).isTrue(); // checked per series
    }

    @Test
    void absentOverTimeUsesEqualityMatchers() {
        f.series("__name__,m", 10, 1);
        assertThat(f.vector("absent_over_time(m[1m])", 10).isEmpty()).isTrue();
        assertThat(f.values("absent_over_time(nope{a=\"x\",b=~\"y\"}[1m])", 10)).containsExactly(
                java.util.Map.entry("{a=\"x\"}", 1.0));
    }
}
