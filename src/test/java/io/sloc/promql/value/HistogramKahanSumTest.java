package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramKahanSumTest {
    private static FloatHistogram histogram(double count, double sum, double... buckets) {
        return FloatHistogram.builder().count(count).sum(sum)
                .positive(new Span[] {new Span(0, buckets.length)}, buckets).build();
    }

    @Test
    void compensatesSmallAddendsThatLargeOnesWouldSwallow() {
        HistogramKahanSum sum = new HistogramKahanSum(histogram(1, 1, 1));
        sum.add(histogram(1, 1e100, 1e100));
        sum.add(histogram(1, 1, 1));
        sum.add(histogram(1, -1e100, -1e100));

        FloatHistogram total = sum.value(1);
        assertThat(total.sum()).isEqualTo(2);
        assertThat(total.count()).isEqualTo(4);
        assertThat(total.positiveBuckets()).containsExactly(2);
        assertThat(sum.value(4).sum()).isEqualTo(0.5);
    }

    @Test
    void reportsOverflowAndScalesForTheIncrementalMean() {
        HistogramKahanSum sum = new HistogramKahanSum(histogram(Double.MAX_VALUE, 1, 1));
        HistogramKahanSum copy = sum.copy();
        copy.add(histogram(Double.MAX_VALUE, 1, 1));

        assertThat(copy.hasOverflow()).isTrue();
        assertThat(sum.hasOverflow()).isFalse();
        sum.multiply(0.5);
        assertThat(sum.value(1).count()).isEqualTo(Double.MAX_VALUE / 2);
    }

    @Test
    void addsAnotherBucketLayoutWithoutLosingTheBuckets() {
        HistogramKahanSum sum = new HistogramKahanSum(histogram(2, 2, 1, 1));
        sum.add(histogram(2, 2, 1, 1).toBuilder().schema(-1).build());

        FloatHistogram total = sum.value(1);
        assertThat(total.schema()).isEqualTo(-1);
        assertThat(total.count()).isEqualTo(4);
        assertThat(total.positiveBuckets()).containsExactly(2, 2);
    }

    @Test
    void toSchemaMergesNeighbouringBuckets() {
        FloatHistogram h = histogram(4, 4, 1, 1, 1, 1).toBuilder().schema(1).build();

        FloatHistogram reduced = h.toSchema(0);
        assertThat(reduced.schema()).isZero();
        assertThat(reduced.positiveBuckets()).containsExactly(1, 2, 1);
        assertThat(h.toSchema(2)).isSameAs(h);
    }
}
