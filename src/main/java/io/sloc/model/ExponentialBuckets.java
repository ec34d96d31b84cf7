package io.sloc.model;

import io.sloc.promql.value.FloatHistogram;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The bucket boundaries of a Prometheus native histogram with an exponential schema {@code s} (-4 to 8): bucket
 * {@code k} holds observations in {@code (2^((k-1)·2^-s), 2^(k·2^-s)]}. Schema {@code s} splits every bucket of
 * schema {@code s-1} in two, so a boundary of one schema is a boundary of every higher one.
 */
public final class ExponentialBuckets {
    public static final int MIN_SCHEMA = -4;
    public static final int MAX_SCHEMA = 8;
    /** Beyond this, 2^e overflows a double; no duration comes near it. */
    private static final int MAX_EXPONENT = 1023;

    private ExponentialBuckets() {
    }

    /** The upper bound of bucket {@code index}, exactly as Prometheus computes it (from its table of fractions). */
    public static double upperBound(int index, int schema) {
        return FloatHistogram.bucketBound(index, schema, null);
    }

    /** The bucket holding {@code value} (> 0): the {@code k} with {@code upperBound(k-1) < value <= upperBound(k)}. */
    public static int bucketOf(double value, int schema) {
        int index = (int) Math.ceil(Math.log(value) / Math.log(2) * Math.scalb(1.0, schema));
        while (upperBound(index - 1, schema) >= value) {
            index--;
        }
        while (upperBound(index, schema) < value) {
            index++;
        }
        return index;
    }

    /** The largest boundary of {@code schema} at or below {@code value} (> 0). */
    public static double boundaryAtOrBelow(BigDecimal value, int schema) {
        if (isBoundary(value, schema)) {
            return value.doubleValue();
        }
        return upperBound(bucketOf(value.doubleValue(), schema) - 1, schema);
    }

    /**
     * Whether {@code value} (> 0) is exactly a boundary of {@code schema}, decided in exact arithmetic: boundaries
     * are irrational except the powers of two, and those are boundaries of every schema from 0 up, but of a
     * negative schema only every {@code 2^-s}-th one.
     */
    public static boolean isBoundary(BigDecimal value, int schema) {
        Integer exponent = powerOfTwoExponent(value);
        return exponent != null && (schema >= 0 || exponent % (1 << -schema) == 0);
    }

    /** {@code e} when {@code value == 2^e} exactly, else null. */
    private static Integer powerOfTwoExponent(BigDecimal value) {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal scaled = value.stripTrailingZeros();
        int exponent = 0;
        while (scaled.compareTo(BigDecimal.ONE) < 0 && exponent > -MAX_EXPONENT) {
            scaled = scaled.multiply(two);
            exponent--;
        }
        if (scaled.stripTrailingZeros().scale() > 0) {
            return null; // not a whole number once scaled up: not a power of two
        }
        BigInteger whole = scaled.toBigIntegerExact();
        if (whole.bitCount() != 1) {
            return null;
        }
        return exponent + whole.bitLength() - 1;
    }
}
