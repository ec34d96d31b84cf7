package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.FloatHistogram.Bucket;
import java.util.List;

/**
 * Quantiles, fractions and variances estimated from one native histogram (Prometheus's quantile.go and
 * histogramVariance): exponential buckets interpolate exponentially, custom and zero buckets linearly; NaN
 * observations (a NaN sum) are counted in no bucket, which the infos point out.
 */
final class NativeHistogramQuantiles {
    private static final double LOG2_E = 1.44269504088896340735992468100189214;

    private NativeHistogramQuantiles() {
    }

    /** histogram_quantile of one histogram; {@code arg} and {@code metricName} locate the infos. */
    static double quantile(Evaluator ev, Expr arg, String metricName, double q, FloatHistogram h) {
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (h.count() == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        boolean nanSum = Double.isNaN(h.sum());
        boolean ascending = nanSum || q < 0.5;
        List<Bucket> buckets = h.allBuckets();
        double rank = ascending ? q * h.count() : (1 - q) * h.count();
        double count = 0;
        int i = ascending ? 0 : buckets.size() - 1;
        int step = ascending ? 1 : -1;
        Bucket bucket = null;
        for (; i >= 0 && i < buckets.size(); i += step) {
            bucket = buckets.get(i);
            if (bucket.count() == 0) {
                continue;
            }
            count += bucket.count();
            if (count >= rank) {
                break;
            }
        }
        if (bucket == null) {
            bucket = new Bucket(0, 0, true, true, 0, 0);
        }
        double lower = bucket.lower();
        double upper = bucket.upper();
        if (!h.usesCustomBuckets() && lower < 0 && upper > 0) {
            if (h.negativeBuckets().length == 0 && h.positiveBuckets().length > 0) {
                lower = 0;
            } else if (h.positiveBuckets().length == 0 && h.negativeBuckets().length > 0) {
                upper = 0;
            }
        } else if (h.usesCustomBuckets()) {
            if (lower == Double.NEGATIVE_INFINITY) {
                if (upper <= 0) {
                    return upper;
                }
                lower = 0;
            } else if (upper == Double.POSITIVE_INFINITY) {
                return lower;
            }
        }
        count = Math.min(count, h.count());
        if (count < rank) {
            if (nanSum) {
                ev.annotations().info(arg.pos(), "input to histogram_quantile has NaN observations, result is NaN"
                        + forMetricName(metricName));
                return Double.NaN;
            }
            return upper;
        }
        rank = ascending ? rank - (count - bucket.count()) : count - rank;
        if (nanSum) {
            for (i += step; i >= 0 && i < buckets.size(); i += step) {
                count += buckets.get(i).count();
            }
            if (count < h.count()) {
                ev.annotations().info(arg.pos(), "input to histogram_quantile has NaN observations, result is "
                        + "skewed higher" + forMetricName(metricName));
            }
        }
        double fraction = rank / bucket.count();
        if (h.usesCustomBuckets() || lower <= 0 && upper >= 0) {
            return lower + (upper - lower) * fraction;
        }
        double logLower = log2(Math.abs(lower));
        double logUpper = log2(Math.abs(upper));
        if (lower > 0) {
            return Math.pow(2, logLower + (logUpper - logLower) * fraction);
        }
        return -Math.pow(2, logUpper + (logLower - logUpper) * (1 - fraction));
    }

    /** histogram_fraction of one histogram: the share of observations between lower and upper. */
    static double fraction(Evaluator ev, Expr arg, String metricName, double lower, double upper,
            FloatHistogram h) {
        if (h.count() == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double count = 0;
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        List<Bucket> buckets = h.allBuckets();
        int i = 0;
        for (; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            count += b.count();
            double bLower = b.lower();
            double bUpper = b.upper();
            boolean zeroBucket = false;
            if (bLower <= 0 && bUpper >= 0) {
                zeroBucket = true;
                if (h.negativeBuckets().length == 0 && h.positiveBuckets().length > 0) {
                    bLower = 0;
                } else if (h.positiveBuckets().length == 0 && h.negativeBuckets().length > 0) {
                    bUpper = 0;
                }
            }
            if (!lowerSet && bLower >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && bLower >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            boolean linear = h.usesCustomBuckets() || zeroBucket;
            if (!lowerSet && bLower < lower && bUpper > lower) {
                lowerRank = rankBelow(rank, b.count(), bLower, bUpper, lower, linear);
                lowerSet = true;
            }
            if (!upperSet && bLower < upper && bUpper > upper) {
                upperRank = rankBelow(rank, b.count(), bLower, bUpper, upper, linear);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank += b.count();
        }
        if (Double.isNaN(h.sum())) {
            for (i++; i < buckets.size(); i++) {
                count += buckets.get(i).count();
            }
            if (count < h.count()) {
                ev.annotations().info(arg.pos(), "input to histogram_fraction has NaN observations, which are "
                        + "excluded from all fractions" + forMetricName(metricName));
            }
        } else {
            count = h.count();
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return (upperRank - lowerRank) / h.count();
    }

    /** The rank of v inside a bucket starting at {@code rank} (Bucket.FractionBelow). */
    private static double rankBelow(double rank, double bucketCount, double lower, double upper, double v,
            boolean linear) {
        if (linear) {
            if (lower == Double.NEGATIVE_INFINITY) {
                return bucketCount;
            }
            return rank + bucketCount * ((v - lower) / (upper - lower));
        }
        double logLower = log2(Math.abs(lower));
        double logUpper = log2(Math.abs(upper));
        double logV = log2(Math.abs(v));
        double below = v > 0 ? (logV - logLower) / (logUpper - logLower)
                : 1 - ((logV - logUpper) / (logLower - logUpper));
        return rank + bucketCount * below;
    }

    /** The population variance of the observations, each bucket's at its (geometric, for exponential) middle. */
    static double variance(FloatHistogram h) {
        double mean = h.sum() / h.count();
        GoMath.KahanSum variance = new GoMath.KahanSum();
        for (Bucket b : h.allBuckets()) {
            if (b.count() == 0) {
                continue;
            }
            double value;
            if (h.usesCustomBuckets()) {
                value = (b.upper() + b.lower()) / 2.0;
            } else if (b.lower() <= 0 && b.upper() >= 0) {
                value = 0;
            } else {
                value = Math.sqrt(b.upper() * b.lower());
                if (b.upper() < 0) {
                    value = -value;
                }
            }
            double delta = value - mean;
            variance.addDroppingCompensationOnOverflow(b.count() * delta * delta);
        }
        return (variance.sum + variance.c) / h.count();
    }

    /** Go's math.Log2: exact for powers of two, so bucket bounds give exact logarithms. */
    private static double log2(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v) || v < Double.MIN_NORMAL) {
            return Math.log(v) / Math.log(2);
        }
        double frac = GoMath.frexpFraction(v);
        int exp = Math.getExponent(v) + 1;
        if (frac == 0.5) {
            return exp - 1;
        }
        return GoMath.log(frac) * LOG2_E + exp;
    }

    private static String forMetricName(String metricName) {
        return metricName.isEmpty() ? "" : " for metric name " + GoQuote.quote(metricName);
    }
}
