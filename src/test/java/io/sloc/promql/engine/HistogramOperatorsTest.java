package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Span;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Native histograms in binary operators, aggregations and float-only functions under the 3.x profile. */
class HistogramOperatorsTest {
    private final EngineFixture f = EngineFixture.of(PromqlProfile.V3_14);

    /** Positive buckets (0.5,1], (1,2], (2,4] at schema 0 with the given counts. */
    private static FloatHistogram histogram(double sum, double... counts) {
        double count = 0;
        for (double c : counts) {
            count += c;
        }
        return FloatHistogram.builder().count(count).sum(sum)
                .positive(new Span[] {new Span(0, counts.length)}, counts).build();
    }

    private HistogramOperatorsTest load() {
        f.storage.append(Labels.of("__name__", "h", "i", "a"), 0, histogram(6, 1, 2, 3));
        f.storage.append(Labels.of("__name__", "h", "i", "b"), 0, histogram(2, 1, 1, 0));
        f.storage.append(Labels.of("__name__", "x", "i", "a"), 0, 5);
        return this;
    }

    private Sample only(String query) {
        assertThat(f.vector(query, 0).samples()).hasSize(1);
        return f.vector(query, 0).samples().get(0);
    }

    @Test
    void addsScalesAndComparesHistograms() {
        load();
        assertThat(only("h{i=\"a\"} + ignoring(i) h{i=\"b\"}").histogram()).isEqualTo(histogram(8, 2, 3, 3));
        assertThat(only("2 * h{i=\"b\"}").histogram()).isEqualTo(histogram(4, 2, 2, 0).compact(0));
        assertThat(only("h{i=\"a\"} / 2").histogram().count()).isEqualTo(3);
        assertThat(f.vector("h == ignoring(i) group_left h{i=\"a\"}", 0).samples()).extracting(Sample::metric)
                .containsExactly(Labels.of("__name__", "h", "i", "a"));
    }

    @Test
    void incompatibleOperandsGiveNothingAndAnInfo() {
        load();
        assertThat(f.vector("h + on(i) x", 0).samples()).isEmpty();
        assertThat(f.annotations("h + on(i) x", 0, Annotations.Kind.INFO)).containsExactly(
                "PromQL info: incompatible sample types encountered for binary operator \"+\": histogram + float (1:1)");
        assertThat(f.vector("h > 1", 0).samples()).isEmpty();
    }

    @Test
    void trimKeepsTheObservationsBelowOrAboveABound() {
        load();
        FloatHistogram below = only("h{i=\"a\"} </ 2").histogram();
        assertThat(below.positiveBuckets()).containsExactly(1, 2);
        assertThat(below.count()).isEqualTo(3);
        FloatHistogram above = only("h{i=\"a\"} >/ 1").histogram();
        assertThat(above.count()).isEqualTo(5);
        assertThat(f.annotations("x >/ 1", 0, Annotations.Kind.INFO)).containsExactly(
                "PromQL info: incompatible sample types encountered for binary operator \">/\": float >/ float (1:1)");
    }

    @Test
    void prometheus242ReadsTrimOperatorsAsTwoOperators() {
        Assertions.assertThatThrownBy(() -> PromqlParser.parse("a </ b", PromqlProfile.V2_42))
                .isInstanceOf(PromqlParseException.class).hasMessageContaining("unexpected <op:/>");
    }

    @Test
    void sumAndAvgCompensateEveryBucketAsPrometheusKahanAdd() {
        f.storage.append(Labels.of("__name__", "k", "i", "a"), 0, histogram(1e100, 1e100, 1));
        f.storage.append(Labels.of("__name__", "k", "i", "b"), 0, histogram(1, 1, 1));
        f.storage.append(Labels.of("__name__", "k", "i", "c"), 0, histogram(-1e100, -1e100, 1));
        // plain addition loses the small addend in the first bucket: 1e100 + 1 - 1e100 = 0
        assertThat(only("sum(k)").histogram().positiveBuckets()).containsExactly(1, 3);
        assertThat(only("sum(k)").histogram().sum()).isEqualTo(1);
        assertThat(only("avg(k)").histogram().positiveBuckets()).containsExactly(1.0 / 3, 1);
    }

    @Test
    void sumAndAvgAddHistogramsWhileOtherAggregationsIgnoreThem() {
        load();
        assertThat(only("sum(h)").histogram()).isEqualTo(histogram(8, 2, 3, 3));
        assertThat(only("avg(h)").histogram()).isEqualTo(histogram(4, 1, 1.5, 1.5));
        assertThat(f.vector("sum({i=\"a\"})", 0).samples()).isEmpty();
        assertThat(f.annotations("sum({i=\"a\"})", 0, Annotations.Kind.WARNING)).containsExactly(
                "PromQL warning: encountered a mix of histograms and floats for aggregation (1:5)");
        assertThat(only("max({i=\"a\"})").value()).isEqualTo(5);
        assertThat(f.annotations("max({i=\"a\"})", 0, Annotations.Kind.INFO)).containsExactly(
                "PromQL info: ignored histogram in max aggregation (1:5)");
        assertThat(only("count(h)").value()).isEqualTo(2);
    }

    @Test
    void floatFunctionsSkipHistograms() {
        load();
        assertThat(f.vector("abs({i=\"a\"})", 0).samples()).extracting(Sample::value).containsExactly(5.0);
        assertThat(f.vector("clamp_min({i=\"a\"}, 0)", 0).samples()).extracting(Sample::value).containsExactly(5.0);
        assertThat(f.scalar("scalar({i=\"a\"})", 0)).isEqualTo(5);
    }
}
