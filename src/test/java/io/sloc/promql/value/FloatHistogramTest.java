package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatHistogramTest {
    private static Span[] spans(int... offsetLength) {
        Span[] s = new Span[offsetLength.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Span(offsetLength[2 * i], offsetLength[2 * i + 1]);
        }
        return s;
    }

    private static FloatHistogram positive(Span[] spans, double... counts) {
        return FloatHistogram.builder().count(3).sum(4).positive(spans, counts).build();
    }

    @Test
    void compactDropsEmptyBucketsAndSplitsOrMergesSpansByTheGap() {
        // buckets at index -2 (empty), 1, 2 (empty), 3
        FloatHistogram h = positive(spans(-2, 1, 2, 3), 0, 1, 0, 2);

        FloatHistogram tight = h.compact(0);
        assertThat(tight.positiveSpans()).containsExactly(new Span(1, 1), new Span(1, 1));
        assertThat(tight.positiveBuckets()).containsExactly(1, 2);

        FloatHistogram loose = h.compact(1);
        assertThat(loose.positiveSpans()).containsExactly(new Span(1, 3));
        assertThat(loose.positiveBuckets()).containsExactly(1, 0, 2);
    }

    @Test
    void compactMergesAdjacentSpansAndDropsEmptyOnes() {
        FloatHistogram h = positive(spans(0, 2, 0, 0, 0, 1, 5, 1), 1, 1, 1, 1);

        FloatHistogram c = h.compact(0);

        assertThat(c.positiveSpans()).containsExactly(new Span(0, 3), new Span(5, 1));
        assertThat(c.positiveBuckets()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void testExpressionPrintsNonDefaultFieldsWithOneSpanPerSign() {
        FloatHistogram h = FloatHistogram.builder().schema(1).count(4).sum(5).zeroCount(1).zeroThreshold(0.001)
                .positive(spans(0, 2, 1, 1), 1, 2, 1).negative(spans(3, 1), 2.5)
                .counterResetHint(CounterResetHint.GAUGE).build();

        assertThat(h.testExpression()).isEqualTo("{{schema:1 count:4 sum:5 z_bucket:1 z_bucket_w:0.001 "
                + "counter_reset_hint:gauge buckets:[1 2 0 1] n_offset:3 n_buckets:[2.5]}}");
        assertThat(FloatHistogram.builder().build().testExpression()).isEqualTo("{{}}");
    }

    @Test
    void testExpressionOfCustomBucketsShowsTheBoundsAndNoZeroBucket() {
        FloatHistogram h = FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA).count(2).sum(1e21)
                .zeroCount(7).customValues(new double[] {0.5, 1}).positive(spans(1, 1), 2).build();

        assertThat(h.testExpression())
                .isEqualTo("{{schema:-53 count:2 sum:1e+21 custom_values:[0.5 1] offset:1 buckets:[2]}}");
    }

    @Test
    void equalityIgnoresEmptySpansAndTheHintButNotCounts() {
        FloatHistogram a = positive(spans(1, 2), 1, 2);
        FloatHistogram b = positive(spans(0, 0, 1, 2), 1, 2).withCounterResetHint(CounterResetHint.COUNTER_RESET);
        FloatHistogram c = positive(spans(1, 2), 1, 3);

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(positive(spans(2, 2), 1, 2));
    }

    @Test
    void scalingByANegativeFactorMakesAGaugeAndDividingByZeroDropsBuckets() {
        FloatHistogram h = positive(spans(0, 2), 1, 2);

        FloatHistogram negated = h.mul(-2);
        assertThat(negated.positiveBuckets()).containsExactly(-2, -4);
        assertThat(negated.sum()).isEqualTo(-8);
        assertThat(negated.counterResetHint()).isEqualTo(CounterResetHint.GAUGE);
        assertThat(h.positiveBuckets()).containsExactly(1, 2);

        FloatHistogram byZero = h.div(0);
        assertThat(byZero.count()).isInfinite();
        assertThat(byZero.positiveBuckets()).isEmpty();
        assertThat(byZero.positiveSpans()).isEmpty();
    }
}
