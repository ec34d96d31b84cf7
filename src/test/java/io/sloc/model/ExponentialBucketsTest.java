package io.sloc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExponentialBucketsTest {
    @Test
    void boundsAreTwoToTheIndexOverTwoToTheSchema() {
        for (int schema = ExponentialBuckets.MIN_SCHEMA; schema <= ExponentialBuckets.MAX_SCHEMA; schema++) {
            for (int index = -40; index <= 40; index++) {
                double expected = Math.pow(2, index * Math.pow(2, -schema));
                assertThat(ExponentialBuckets.upperBound(index, schema)).as("schema %d index %d", schema, index)
                        .isCloseTo(expected, within(expected * 1e-15));
            }
        }
    }

    @Test
    void eachSchemaSplitsTheBucketsOfTheOneBelowInTwo() {
        for (int schema = ExponentialBuckets.MIN_SCHEMA + 1; schema <= ExponentialBuckets.MAX_SCHEMA; schema++) {
            for (int index = -20; index <= 20; index++) {
                assertThat(ExponentialBuckets.upperBound(2 * index, schema))
                        .isEqualTo(ExponentialBuckets.upperBound(index, schema - 1));
            }
        }
    }

    @Test
    void aValueBelongsToTheBucketWhoseUpperBoundItDoesNotExceed() {
        assertThat(ExponentialBuckets.bucketOf(0.25, 3)).isEqualTo(-16);
        assertThat(ExponentialBuckets.bucketOf(Math.nextUp(0.25), 3)).isEqualTo(-15);
        int bucket = ExponentialBuckets.bucketOf(0.3, 3);
        assertThat(ExponentialBuckets.upperBound(bucket - 1, 3)).isLessThan(0.3);
        assertThat(ExponentialBuckets.upperBound(bucket, 3)).isGreaterThan(0.3);
    }

    @Test
    void onlyPowersOfTwoAreBoundariesAndNegativeSchemasSkipSome() {
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("0.250"), 0)).isTrue();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("0.125"), 8)).isTrue();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("4096"), 3)).isTrue();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("0.3"), 8)).isFalse();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("3"), 0)).isFalse();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("0.5"), -1)).isFalse(); // 2^-1: every 2nd power
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("0.25"), -1)).isTrue();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("16"), -2)).isTrue();
        assertThat(ExponentialBuckets.isBoundary(new BigDecimal("8"), -2)).isFalse();
    }

    @Test
    void theBoundaryAtOrBelowAThresholdIsTheThresholdOrTheBucketsLowerBound() {
        assertThat(ExponentialBuckets.boundaryAtOrBelow(new BigDecimal("0.5"), 3)).isEqualTo(0.5);
        double below = ExponentialBuckets.boundaryAtOrBelow(new BigDecimal("0.3"), 3);
        assertThat(below).isLessThan(0.3).isCloseTo(Math.pow(2, -14 / 8.0), within(1e-15));
        assertThat(ExponentialBuckets.boundaryAtOrBelow(new BigDecimal("0.3"), 5))
                .isCloseTo(Math.pow(2, -56 / 32.0), within(1e-15));
    }
}
