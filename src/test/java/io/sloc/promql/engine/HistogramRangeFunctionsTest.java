package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Span;
import org.junit.jupiter.api.Test;

/** Range functions and histogram_quantile/fraction over native histograms under the 3.x profile. */
class HistogramRangeFunctionsTest {
    private static final long MINUTE_MS = 60_000;
    private static final double MINUTE = 60;
    private final EngineFixture f = EngineFixture.of(PromqlProfile.V3_14);

    /** Positive buckets (0.5,1], (1,2], (2,4] at schema 0 with the given counts; the sum equals the count. */
    private static FloatHistogram histogram(double... counts) {
        double count = 0;
        for (double c : counts) {
            count += c;
        }
        return FloatHistogram.builder().count(count).sum(count)
                .positive(new Span[] {new Span(0, counts.length)}, counts).build();
    }

    private Sample only(String query, double t) {
        assertThat(f.vector(query, t).samples()).hasSize(1);
        return f.vector(query, t).samples().get(0);
    }

    @Test
    void increaseAddsTheHistogramBeforeAResetInOneBucket() {
        Labels h = Labels.of("__name__", "h_total");
        f.storage.append(h, 0, histogram(1, 2, 1));
        f.storage.append(h, 5 * MINUTE_MS, histogram(1, 1, 3)); // (1,2] went down: a reset
        f.storage.append(h, 10 * MINUTE_MS, histogram(1, 2, 3));

        FloatHistogram increase = only("increase(h_total[15m])", 10 * MINUTE).histogram();
        // The first point precedes the reset, so only the last counts, extrapolated by half to the start.
        assertThat(increase.count()).isEqualTo(9);
        assertThat(increase.positiveBuckets()).containsExactly(1.5, 3, 4.5);
        assertThat(increase.counterResetHint()).isEqualTo(CounterResetHint.GAUGE);
        assertThat(f.annotations("increase(h_total[15m])", 10 * MINUTE, Annotations.Kind.WARNING)).isEmpty();
    }

    @Test
    void deltaWarnsAboutCounterHistogramsAndMixedWindowsGiveNothing() {
        Labels h = Labels.of("__name__", "h_total");
        f.storage.append(h, 0, histogram(1, 1, 1));
        f.storage.append(h, MINUTE_MS, histogram(2, 2, 2));
        f.storage.append(h, 2 * MINUTE_MS, 5);

        assertThat(f.annotations("delta(h_total[90s])", MINUTE, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: this native histogram metric is not a gauge: \"h_total\" (1:7)");
        assertThat(f.vector("rate(h_total[3m])", 2 * MINUTE).samples()).isEmpty();
        assertThat(f.annotations("rate(h_total[3m])", 2 * MINUTE, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: encountered a mix of histograms and floats for metric name \"h_total\" (1:6)");
    }

    @Test
    void floatOnlyFunctionsIgnoreHistogramsWithAnInfoAndLastKeepsThem() {
        Labels m = Labels.of("__name__", "m");
        f.storage.append(m, 0, 3);
        f.storage.append(m, MINUTE_MS, histogram(1, 1, 1));
        f.storage.append(m, 2 * MINUTE_MS, 7);

        assertThat(only("max_over_time(m[3m])", 2 * MINUTE).value()).isEqualTo(7);
        assertThat(f.annotations("max_over_time(m[3m])", 2 * MINUTE, Annotations.Kind.INFO)).containsExactly(
                "PromQL info: ignored histograms in a range containing both floats and histograms for metric name "
                        + "\"m\" (1:15)");
        assertThat(only("count_over_time(m[3m])", 2 * MINUTE).value()).isEqualTo(3);
        assertThat(only("changes(m[3m])", 2 * MINUTE).value()).isEqualTo(2);
        assertThat(only("last_over_time(m[90s])", MINUTE).histogram()).isEqualTo(histogram(1, 1, 1));
    }

    @Test
    void sumAndAverageOverTimeAddHistograms() {
        Labels h = Labels.of("__name__", "h");
        f.storage.append(h, 0, histogram(1, 1, 1));
        f.storage.append(h, MINUTE_MS, histogram(3, 3, 3));

        assertThat(only("sum_over_time(h[2m])", MINUTE).histogram().positiveBuckets()).containsExactly(4, 4, 4);
        assertThat(only("avg_over_time(h[2m])", MINUTE).histogram().count()).isEqualTo(6);
    }

    @Test
    void quantileAndFractionInterpolateExponentiallyInsideBuckets() {
        f.storage.append(Labels.of("__name__", "h"), 0, histogram(0, 4, 0));

        // All observations lie in (1,2]: the median is their geometric middle.
        assertThat(only("histogram_quantile(0.5, h)", 0).value()).isCloseTo(Math.sqrt(2), within());
        assertThat(only("histogram_fraction(0, 2, h)", 0).value()).isEqualTo(1);
        assertThat(only("histogram_fraction(1, 1.4142135623730951, h)", 0).value()).isCloseTo(0.5, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
