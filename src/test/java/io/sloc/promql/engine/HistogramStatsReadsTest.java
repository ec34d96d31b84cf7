package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.Selectors;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Selectors read only for histogram_count/sum/avg see count and sum with counter reset hints detected while reading
 * (Prometheus 3's HistogramStatsIterator), which is what lets aggregations notice conflicting resets.
 */
class HistogramStatsReadsTest {
    private static final long MINUTE_MS = 60_000;
    private static final String CONFLICT =
            "PromQL warning: conflicting counter resets during histogram aggregation (1:21)";
    private final EngineFixture f = EngineFixture.of(PromqlProfile.V3_14);

    private static FloatHistogram counter(double count) {
        return FloatHistogram.builder().count(count).sum(count)
                .positive(new Span[] {new Span(0, 1)}, count).build();
    }

    /** The names of the selectors read as stats only, in source order. */
    private static List<String> statsOnly(String query) {
        Expr expr = PromqlParser.parse(query, PromqlProfile.V3_14);
        Set<VectorSelector> marked = StatsOnlySelectors.in(expr);
        List<String> out = new ArrayList<>();
        for (VectorSelector vs : Selectors.in(expr)) {
            if (marked.contains(vs)) {
                out.add(vs.name());
            }
        }
        return out;
    }

    @Test
    void onlySelectorsFeedingStatsFunctionsWithNothingNeedingBucketsAboveAreMarked() {
        assertThat(statsOnly("histogram_count(sum(rate(a[5m]))) + histogram_sum(b) / histogram_avg(c)"))
                .containsExactly("a", "b", "c");
        assertThat(statsOnly("histogram_count(a unless histogram_quantile(0.5, b) < 3)")).containsExactly("a");
        assertThat(statsOnly("histogram_fraction(0, 1, a unless histogram_count(b) == 0)")).isEmpty();
        assertThat(statsOnly("histogram_count(rate(a[5m:1m])) or sum_over_time(histogram_count(b)[5m:1m])")).isEmpty();
        assertThat(statsOnly("histogram_count(a >/ 1) + sum(b) + histogram_stddev(c)")).isEmpty();
    }

    @Test
    void aResetSeenOnlyWhileReadingConflictsWithANotResetHint() {
        Labels late = Labels.of("__name__", "x", "timing", "late");
        Labels early = Labels.of("__name__", "x", "timing", "early");
        double[] lateCounts = {0, 2, 3, 2};
        double[] earlyCounts = {3, 2, 2, 3};
        for (int i = 0; i < lateCounts.length; i++) {
            f.storage.append(late, i * MINUTE_MS, counter(lateCounts[i]));
            f.storage.append(early, i * MINUTE_MS, counter(earlyCounts[i]));
        }
        // At 5m: late's last sample went down (stored hint unknown, read as a reset), early's continues its chunk.
        assertThat(f.single("histogram_count(sum(x))", 300)).isEqualTo(5);
        assertThat(f.annotations("histogram_count(sum(x))", 300, Annotations.Kind.WARNING)).containsExactly(CONFLICT);
        assertThat(f.annotations("sum(x)", 300, Annotations.Kind.WARNING)).isEmpty();
        // At 30s only the first samples are seen: nothing read before them, so no hint to conflict.
        assertThat(f.annotations("histogram_count(sum(x))", 30, Annotations.Kind.WARNING)).isEmpty();
    }

    @Test
    void aSeriesIteratorRemembersWhatEarlierStepsReadUnlessItJumps() {
        Labels h = Labels.of("__name__", "x", "id", "h");
        Labels g = Labels.of("__name__", "x", "id", "g");
        f.storage.append(h, 0, counter(5));
        f.storage.append(h, 6 * MINUTE_MS, counter(2)); // a reset, stored as unknown: it starts a chunk
        f.storage.append(g, 5 * MINUTE_MS, counter(1));
        f.storage.append(g, 6 * MINUTE_MS, counter(2)); // continues its chunk: not a reset
        String query = "histogram_count(sum(x))";

        // At 10m the lookback starts after h's first sample: an instant query never reads it.
        assertThat(f.annotations(query, 600, Annotations.Kind.WARNING)).isEmpty();
        // Steps of 5m keep reading on from the first step, which read it; steps of 10m jump past it.
        assertThat(f.range(query, 0, 600, 300).annotations().render(Annotations.Kind.WARNING, query))
                .containsExactly(CONFLICT);
        assertThat(f.range(query, 0, 600, 600).annotations().render(Annotations.Kind.WARNING, query)).isEmpty();
    }

    @Test
    void onlyPrometheus3ReadsStatsOnly() {
        Expr expr = PromqlParser.parse("histogram_count(x)", PromqlProfile.V3_14);
        assertThat(HistogramStatsReads.of(expr, PromqlProfile.V2_42).covers(Selectors.in(expr).get(0))).isFalse();
        assertThat(HistogramStatsReads.of(expr, PromqlProfile.V3_14).covers(Selectors.in(expr).get(0))).isTrue();
    }
}
