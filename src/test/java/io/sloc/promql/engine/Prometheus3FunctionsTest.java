package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Functions Prometheus 3.14 added or changed, and the annotations they raise. */
class Prometheus3FunctionsTest {
    private static final PromqlProfile V3 = PromqlProfile.V3_14.withFeatures(Set.of(
            "promql-experimental-functions", "promql-delayed-name-removal", PromqlProfile.START_TIMESTAMPS_FEATURE));
    private final EngineFixture f = EngineFixture.of(V3);

    @Test
    void sortByLabelOrdersNumbersInsideValuesNaturallyThenByAllLabels() {
        f.sample("__name__,m,i,a10", 0, 1).sample("__name__,m,i,a9", 0, 2).sample("__name__,m,i,a1", 0, 3)
                .sample("__name__,m,i,a9,x,b", 0, 4);
        assertThat(values("sort_by_label(m, \"i\")")).containsExactly(3.0, 2.0, 4.0, 1.0);
        assertThat(values("sort_by_label_desc(m, \"i\")")).containsExactly(1.0, 4.0, 2.0, 3.0);
    }

    @Test
    void minOfAndMaxOfPropagateNaN() {
        assertThat(f.scalar("min_of(-2, -5)", 0)).isEqualTo(-5.0);
        assertThat(f.scalar("max_of(3, 5)", 0)).isEqualTo(5.0);
        assertThat(f.scalar("min_of(NaN, 3)", 0)).isNaN();
        assertThat(f.scalar("max_of(3, NaN)", 0)).isNaN();
    }

    @Test
    void deviationAndTimestampsOfPointsInTheWindow() {
        f.series("__name__,m", 10, 1, 5, 2, 5, 1);
        assertThat(f.single("mad_over_time(m[50s])", 40)).isEqualTo(1.0); // |x - 2| = 1 3 0 3 1
        assertThat(f.single("ts_of_max_over_time(m[50s])", 40)).isEqualTo(30.0); // the last of equal maxima
        assertThat(f.single("ts_of_min_over_time(m[50s])", 40)).isEqualTo(40.0);
        assertThat(f.single("ts_of_first_over_time(m[50s])", 40)).isZero();
        assertThat(f.single("ts_of_last_over_time(m[50s])", 40)).isEqualTo(40.0);
        assertThat(f.values("first_over_time(m[50s])", 40)).containsExactly(Map.entry("m{}", 1.0));
    }

    @Test
    void doubleExponentialSmoothingChecksItsFactorsAsHoltWintersDid() {
        f.series("__name__,m", 10, 1, 2, 3);
        assertThatThrownBy(() -> f.eval("double_exponential_smoothing(m[1m], 0, 0.5)", 20))
                .isInstanceOf(PromqlEvalException.class)
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 0.000000");
        assertThatThrownBy(() -> f.eval("double_exponential_smoothing(m[1m], 0.5, 1)", 20))
                .isInstanceOf(PromqlEvalException.class)
                .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: 1.000000");
    }

    @Test
    void rateCapsTheExtrapolationBeforeCuttingAtTheCountersZeroPoint() {
        String query = "rate(c_total[20m])";
        f.series("__name__,c_total", 240, 180, 420, 660);
        // 480 over 8m, extended by 2m at each end; 2.42 let the zero point (3m before the first sample) win.
        assertThat(f.single(query, 600)).isEqualTo(0.6);
        assertThat(new EngineFixture().series("__name__,c_total", 240, 180, 420, 660).single(query, 600))
                .isEqualTo(0.65);
    }

    @Test
    void avgOverTimeDividesTheKahanSumUnlessItOverflows() {
        f.series("__name__,m", 10, 1, 1e100, 1, -1e100).series("__name__,big", 10, Double.MAX_VALUE,
                Double.MAX_VALUE);
        assertThat(f.single("avg_over_time(m[2m])", 60)).isEqualTo(0.5);
        assertThat(f.single("avg_over_time(big[2m])", 60)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void startTimestampsSignalResetsAndTheCountersZeroPoint() {
        f.sample("__name__,c_total", 60_000, 100, 1_000).sample("__name__,c_total", 120_000, 110, 1_000)
                .sample("__name__,c_total", 180_000, 130, 150_000);
        assertThat(f.single("resets(c_total[3m])", 180)).isEqualTo(1.0);
        assertThat(f.single("irate(c_total[3m])", 180)).isEqualTo(130.0 / 60);
        assertThat(f.values("start_timestamp(c_total)", 180)).containsExactly(Map.entry("{}", 150.0));
        assertThat(f.vector("start_timestamp(c_total * 1)", 180).isEmpty()).isTrue();

        f.sample("__name__,single_total", 120_000, 60, 60_000);
        assertThat(f.single("increase(single_total[5m])", 120)).isEqualTo(60.0);

        EngineFixture without = EngineFixture.of(PromqlProfile.V3_14.withFeatures(
                Set.of("promql-experimental-functions")));
        without.sample("__name__,c_total", 60_000, 100, 1_000).sample("__name__,c_total", 120_000, 110, 1_000)
                .sample("__name__,c_total", 180_000, 130, 150_000).sample("__name__,single_total", 120_000, 60, 60_000);
        assertThat(without.single("resets(c_total[3m])", 180)).isZero();
        assertThat(without.single("irate(c_total[3m])", 180)).isEqualTo(20.0 / 60);
        assertThat(without.vector("start_timestamp(c_total)", 180).isEmpty()).isTrue();
        assertThat(without.vector("increase(single_total[5m])", 120).isEmpty()).isTrue();
    }

    @Test
    void startTimestampsBeforeThePreviousSampleAreWarnedAbout() {
        f.sample("__name__,o_total", 120_000, 60, 0).sample("__name__,o_total", 180_000, 120, 60_000)
                .sample("__name__,o_total", 240_000, 180, 120_000);
        assertThat(f.annotations("rate(o_total[3m])", 240, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: sample has start time that overlaps with previous sample timestamp for metric "
                        + "\"o_total\" (1:6)");
    }

    @Test
    void annotationsOfQuantilesRatesAndSorting() {
        f.series("__name__,m", 30, 1, 2, 3);
        assertThat(f.annotations("quantile_over_time(2, m[1m])", 60, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: quantile value should be between 0 and 1, got 2 (1:20)");
        assertThat(f.annotations("rate(m[1m])", 60, Annotations.Kind.INFO)).containsExactly("PromQL info: metric "
                + "might not be a counter, name does not end in _total/_sum/_count/_bucket: \"m\" (1:6)");
        assertThat(f.annotations("rate((m)[1m:30s])", 60, Annotations.Kind.INFO)).hasSize(1);
        assertThat(f.annotations("sort(m)", 60, Annotations.Kind.WARNING)).isEmpty();
        assertThat(f.annotations("max_over_time(sort(m)[1m:30s])", 60, Annotations.Kind.WARNING)).hasSize(1);
        assertThat(f.range("sort(m)", 0, 60, 30).annotations().render(Annotations.Kind.WARNING, "sort(m)"))
                .containsExactly("PromQL warning: sort is ineffective for range queries since results are always "
                        + "ordered by labels (1:1)");
    }

    @Test
    void classicHistogramQuantilesFractionsAndTheirAnnotations() {
        double[][] buckets = {{0.1, 20}, {1, 10}, {10, 50}, {100, 40}, {1000, 90}, {Double.POSITIVE_INFINITY, 80}};
        for (double[] b : buckets) {
            String le = b[0] == Double.POSITIVE_INFINITY ? "+Inf" : String.valueOf(b[0]);
            f.sample("__name__,h_bucket,le," + le, 3_000_000, b[1]);
        }
        String query = "histogram_quantile(0.5, h_bucket)";
        assertThat(f.single(query, 3000)).isEqualTo(8.5);
        assertThat(f.annotations(query, 3000, Annotations.Kind.INFO)).containsExactly("PromQL info: input to "
                + "histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/"
                + "latest/querying/functions/#histogram_quantile) for metric name \"h_bucket\", from buckets 1 to "
                + "+Inf, with a max diff of 10, over 1 samples from 1970-01-01T00:50:00Z to 1970-01-01T00:50:00Z "
                + "(1:25)");
        assertThat(f.values("histogram_quantiles(h_bucket, \"q\", 0.5, 1)", 3000))
                .containsOnlyKeys("{q=\"0.5\"}", "{q=\"1.0\"}");
        // Raised at each step, merged into one annotation spanning the steps.
        assertThat(f.range(query, 3000, 3060, 60).annotations().render(Annotations.Kind.INFO, query))
                .singleElement().asString().contains(", over 2 samples from 1970-01-01T00:50:00Z to "
                        + "1970-01-01T00:51:00Z (1:25)");
        // The name is dropped only at the end of the query (delayed name removal), so label_replace still reads it.
        assertThat(f.values("label_replace(" + query + ", \"n\", \"$1\", \"__name__\", \"(.*)\")", 3000))
                .containsOnlyKeys("{n=\"h_bucket\"}");
        f.sample("__name__,f_bucket,le,1", 0, 1).sample("__name__,f_bucket,le,2", 0, 3)
                .sample("__name__,f_bucket,le,3", 0, 6).sample("__name__,f_bucket,le,+Inf", 0, 100);
        // the observation below 1, and half of the two between 1 and 2
        assertThat(f.single("histogram_fraction(0, 1.5, f_bucket)", 0)).isEqualTo(0.02);

        f.sample("__name__,no_le,ale,0.1", 0, 2);
        assertThat(f.annotations("histogram_quantile(0.8, no_le)", 0, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"\" for metric name "
                        + "\"no_le\" (1:25)");
        assertThat(f.annotations("histogram_quantile(NaN, no_series)", 0, Annotations.Kind.WARNING))
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN (1:20)");
    }

    @Test
    void prometheus2ReadsNoClassicHistogramFractions() {
        EngineFixture old = new EngineFixture();
        old.sample("__name__,h_bucket,le,1", 0, 1).sample("__name__,h_bucket,le,+Inf", 0, 2);
        assertThat(old.vector("histogram_fraction(0, 1, h_bucket)", 0).isEmpty()).isTrue();
        assertThat(f.sample("__name__,h_bucket,le,1", 0, 1).sample("__name__,h_bucket,le,+Inf", 0, 2)
                .single("histogram_fraction(0, 1, h_bucket)", 0)).isEqualTo(0.5);
    }

    private List<Double> values(String query) {
        List<Double> out = new ArrayList<>();
        f.vector(query, 0).samples().forEach(s -> out.add(s.value()));
        return out;
    }
}
