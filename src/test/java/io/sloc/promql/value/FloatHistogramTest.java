package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void addingReducesToTheLowerSchemaAndWidensTheZeroBucket() {
        FloatHistogram fine = FloatHistogram.builder().schema(1).count(4).sum(6).positive(spans(0, 3), 1, 1, 2).build();
        FloatHistogram coarse = FloatHistogram.builder().count(1).sum(1).zeroThreshold(1).zeroCount(1).build();

        FloatHistogram sum = fine.add(coarse).histogram();

        // schema 1 buckets 0 (0.707..1], 1 (1..1.414], 2 (1.414..2]: bucket 0 joins the zero bucket [-1, 1]
        assertThat(sum.testExpression())
                .isEqualTo("{{count:5 sum:7 z_bucket:2 z_bucket_w:1 offset:1 buckets:[3]}}");
    }

    @Test
    void subtractingCustomBucketsWithOtherBoundsKeepsTheSharedBounds() {
        FloatHistogram a = FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA).count(6)
                .customValues(new double[] {1, 2, 3}).positive(spans(0, 4), 1, 2, 2, 1).build();
        FloatHistogram b = FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA).count(2)
                .customValues(new double[] {2}).positive(spans(0, 2), 1, 1).build();

        FloatHistogram.Combined diff = a.sub(b);

        assertThat(diff.customBoundsReconciled()).isTrue();
        assertThat(diff.histogram().testExpression())
                .isEqualTo("{{schema:-53 count:4 custom_values:[2] buckets:[2 2]}}");
    }

    @Test
    void addingMixedSchemaKindsIsRefusedAndCollidingHintsAreReported() {
        FloatHistogram custom = FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA).build();
        assertThatThrownBy(() -> custom.add(FloatHistogram.builder().build()))
                .hasMessage(HistogramException.INCOMPATIBLE_SCHEMA);

        FloatHistogram reset = FloatHistogram.builder().counterResetHint(CounterResetHint.COUNTER_RESET).build();
        FloatHistogram.Combined sum = reset.add(reset.withCounterResetHint(CounterResetHint.NOT_COUNTER_RESET));
        assertThat(sum.counterResetCollision()).isTrue();
        assertThat(sum.histogram().counterResetHint()).isEqualTo(CounterResetHint.UNKNOWN);
    }

    @Test
    void bucketBoundsFollowTheSchema() {
        assertThat(FloatHistogram.bucketBound(1, 0, null)).isEqualTo(2);
        assertThat(FloatHistogram.bucketBound(-1, 0, null)).isEqualTo(0.5);
        assertThat(FloatHistogram.bucketBound(1, 1, null)).isEqualTo(1.414213562373095); // the table's, 1 ulp below sqrt(2)
        assertThat(FloatHistogram.bucketBound(1, -2, null)).isEqualTo(16);
        assertThat(FloatHistogram.bucketBound(2, FloatHistogram.CUSTOM_BUCKETS_SCHEMA, new double[] {1, 5}))
                .isInfinite();
    }

    @Test
    void bucketsComeWithTheirBoundsFromTheMostNegativeUp() {
        FloatHistogram h = FloatHistogram.builder().zeroThreshold(0.5).zeroCount(1)
                .positive(spans(0, 2), 1, 2).negative(spans(1, 1), 3).build();

        assertThat(h.allBuckets()).containsExactly(
                new FloatHistogram.Bucket(-2, -1, true, false, 3, 1),
                new FloatHistogram.Bucket(-0.5, 0.5, true, true, 1, 0),
                new FloatHistogram.Bucket(0.5, 1, false, true, 1, 0),
                new FloatHistogram.Bucket(1, 2, false, true, 2, 1));

        FloatHistogram custom = FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA)
                .customValues(new double[] {1}).positive(spans(0, 2), 4, 5).build();
        assertThat(custom.positiveBucketList()).containsExactly(
                new FloatHistogram.Bucket(Double.NEGATIVE_INFINITY, 1, true, true, 4, 0),
                new FloatHistogram.Bucket(1, Double.POSITIVE_INFINITY, false, true, 5, 1));
    }

    @Test
    void resetsAreDetectedFromTheHintOrFromCountsThatWentDown() {
        FloatHistogram before = positive(spans(0, 2), 1, 2);

        assertThat(positive(spans(0, 2), 1, 3).detectReset(before)).isFalse();
        assertThat(positive(spans(0, 2), 2, 1).detectReset(before)).isTrue();
        assertThat(positive(spans(1, 1), 3).detectReset(before)).isTrue(); // bucket 0 vanished
        assertThat(positive(spans(0, 2), 2, 1).withCounterResetHint(CounterResetHint.NOT_COUNTER_RESET)
                .detectReset(before)).isFalse();
        assertThat(before.withCounterResetHint(CounterResetHint.COUNTER_RESET).detectReset(before)).isTrue();
        // a coarser schema merges the previous buckets first: (1, 2] and (2, 4] make (1, 4] of schema -1
        FloatHistogram fine = positive(spans(1, 2), 1, 2);
        FloatHistogram coarser = FloatHistogram.builder().schema(-1).count(3).sum(4).positive(spans(1, 1), 3).build();
        assertThat(coarser.detectReset(fine)).isFalse();
        assertThat(fine.detectReset(coarser)).isTrue(); // a finer schema
    }
}
