package io.sloc.promql.engine;

import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.FloatHistogram.Bucket;
import io.sloc.promql.value.Span;
import java.util.List;

/**
 * Prometheus 3's trim operators on a native histogram ({@code h </ x} keeps the observations below x, {@code h >/ x}
 * those above): buckets beyond the bound are emptied, the bucket holding it keeps the interpolated share (linear for
 * custom buckets and the zero bucket, logarithmic for exponential ones), and count and sum are re-estimated from the
 * buckets' midpoints when anything was trimmed.
 */
final class HistogramTrim {
    private final double bound;
    private final boolean upper;
    private final boolean custom;
    private double count;
    private double sum;
    private boolean trimmed;

    private HistogramTrim(double bound, boolean upper, boolean custom) {
        this.bound = bound;
        this.upper = upper;
        this.custom = custom;
    }

    static FloatHistogram trim(FloatHistogram h, double bound, boolean upper) {
        HistogramTrim t = new HistogramTrim(bound, upper, h.usesCustomBuckets());
        double[] positive = t.trimmed(h.positiveBucketList(), true);
        double[] negative = t.trimmed(h.negativeBucketList(), false);
        double zeroCount = h.zeroCount();
        if (zeroCount > 0) {
            double[] kept = t.zeroBucket(h.zeroBucket(), populated(h.negativeBuckets()),
                    populated(h.positiveBuckets()));
            if (kept[0] != zeroCount) {
                zeroCount = kept[0];
                t.trimmed = true;
            }
            t.sum += kept[1] * kept[0];
            t.count += kept[0];
        }
        if (!t.trimmed) {
            return h;
        }
        return h.toBuilder()
                .positive(h.positiveSpans().toArray(new Span[0]), positive)
                .negative(h.negativeSpans().toArray(new Span[0]), negative)
                .zeroCount(zeroCount).count(t.count).sum(t.sum)
                .build().compact(0);
    }

    /** Whether a side had a populated bucket before trimming: the zero bucket then reaches into it. */
    private static boolean populated(double[] counts) {
        for (double c : counts) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    private double[] trimmed(List<Bucket> buckets, boolean positive) {
        double[] out = new double[buckets.size()];
        for (int i = 0; i < out.length; i++) {
            Bucket b = buckets.get(i);
            out[i] = b.count();
            if (b.count() == 0) {
                continue;
            }
            boolean keepAll = upper ? b.upper() <= bound : b.lower() >= bound;
            boolean straddles = upper ? b.lower() < bound : b.upper() > bound;
            if (keepAll) {
                count += b.count();
                sum += midpoint(b.lower(), b.upper(), positive) * b.count();
            } else if (straddles) {
                double[] kept = straddling(b, positive);
                count += kept[0];
                sum += kept[1] * kept[0];
                if (out[i] != kept[0]) {
                    out[i] = kept[0];
                    trimmed = true;
                }
            } else {
                out[i] = 0;
                trimmed = true;
            }
        }
        return out;
    }

    /** The kept count and the midpoint of the kept part of a bucket the bound falls into. */
    private double[] straddling(Bucket b, boolean positive) {
        if (Double.isInfinite(b.lower()) || Double.isInfinite(b.upper())) {
            return infiniteBucket(b);
        }
        double below = bound <= b.lower() ? 0 : bound >= b.upper() ? b.count() : b.count() * fractionBelow(b);
        if (upper) {
            return new double[] {below, midpoint(b.lower(), bound, positive)};
        }
        return new double[] {b.count() - below, midpoint(bound, b.upper(), positive)};
    }

    private double fractionBelow(Bucket b) {
        if (custom) {
            return (bound - b.lower()) / (b.upper() - b.lower());
        }
        double logLower = MathFunctions.log2(Math.abs(b.lower()));
        double logUpper = MathFunctions.log2(Math.abs(b.upper()));
        double logV = MathFunctions.log2(Math.abs(bound));
        if (bound > 0) {
            return (logV - logLower) / (logUpper - logLower);
        }
        return 1 - (logV - logUpper) / (logLower - logUpper);
    }

    /** Buckets reaching -Inf or +Inf (custom buckets): kept whole, interpolated from 0, or dropped. */
    private double[] infiniteBucket(Bucket b) {
        if (Double.isInfinite(b.lower())) {
            if (upper) {
                if (bound >= b.upper()) {
                    return new double[] {b.count(), 0};
                }
                if (bound > 0 && b.upper() > 0 && !Double.isInfinite(b.upper())) {
                    return new double[] {b.count() * bound / b.upper(), bound / 2};
                }
                if (b.upper() <= 0) {
                    return new double[] {b.count(), bound};
                }
                return new double[] {0, zeroIfInfinite(b.upper())};
            }
            if (bound >= 0 && b.upper() > bound && !Double.isInfinite(b.upper())) {
                return new double[] {b.count() * (1 - bound / b.upper()), (bound + b.upper()) / 2};
            }
            return new double[] {0, zeroIfInfinite(b.upper())};
        }
        if (!upper && bound >= b.lower()) {
            return new double[] {b.count(), bound};
        }
        return new double[] {0, zeroIfInfinite(b.lower())};
    }

    private static double zeroIfInfinite(double x) {
        return Double.isInfinite(x) ? 0 : x;
    }

    /** The zero bucket's kept count and midpoint; it only spans the sides that have buckets. */
    private double[] zeroBucket(Bucket zero, boolean hasNegative, boolean hasPositive) {
        double lower = hasPositive && !hasNegative ? 0 : zero.lower();
        double up = hasNegative && !hasPositive ? 0 : zero.upper();
        if (upper) {
            if (bound <= lower) {
                return new double[] {0, 0};
            }
            if (bound >= up) {
                return new double[] {zero.count(), (lower + up) / 2};
            }
            return new double[] {zero.count() * (bound - lower) / (up - lower), (lower + bound) / 2};
        }
        if (bound <= lower) {
            return new double[] {zero.count(), (lower + up) / 2};
        }
        if (bound >= up) {
            return new double[] {0, 0};
        }
        return new double[] {zero.count() * (up - bound) / (up - lower), (bound + up) / 2};
    }

    private double midpoint(double lower, double upper, boolean positive) {
        if (Double.isInfinite(lower)) {
            if (Double.isInfinite(upper)) {
                return 0;
            }
            return upper > 0 ? upper / 2 : upper;
        }
        if (Double.isInfinite(upper)) {
            return lower;
        }
        if (custom) {
            return (lower + upper) / 2;
        }
        double geometricMean = Math.sqrt(Math.abs(lower * upper));
        return positive ? geometricMean : -geometricMean;
    }
}
