package io.sloc.promql.engine;

import io.sloc.golang.sort.GoSort;
import io.sloc.golang.strconv.GoFloat;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.value.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus's {@code quantile} (aggregation and quantile_over_time), {@code bucketQuantile} (2.42's and 3.x's, which
 * also reports forced monotonicity and ignores float noise between buckets) and 3.x's {@code BucketFraction}.
 */
final class Quantiles {
    /** Relative difference between bucket counts that 3.x treats as float noise rather than non-monotonicity. */
    private static final double SMALL_DELTA_TOLERANCE = 1e-12;

    private Quantiles() {
    }

    /** Prometheus 3's warning about a quantile outside [0, 1] (or NaN), pointing at the quantile argument. */
    static void warnIfInvalid(Evaluator ev, Expr arg, double q) {
        if (!(q >= 0 && q <= 1)) {
            ev.annotations().warn(arg.pos(), "quantile value should be between 0 and 1, got " + GoFloat.formatV(q));
        }
    }

    /** Linear interpolation between the closest ranks; NaN sorts first; empty input gives NaN. */
    static double quantile(double q, List<Sample> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<Sample> sorted = new ArrayList<>(values);
        GoSort.sort(sorted, Aggregations.BY_VALUE);
        double[] v = new double[sorted.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = sorted.get(i).value();
        }
        return interpolate(q, v);
    }

    /** For already sorted values (NaN first). */
    static double interpolate(double q, double[] v) {
        double n = v.length;
        double rank = q * (n - 1);
        double lower = Math.max(0, Math.floor(rank));
        double upper = Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return v[(int) lower] * (1 - weight) + v[(int) upper] * weight;
    }

    /** Sorts like Go's sort.Float64s-based helpers used by quantile: NaN first, then ascending. */
    static void sortNaNFirst(double[] v) {
        List<Sample> tmp = new ArrayList<>(v.length);
        for (double d : v) {
            tmp.add(new Sample(null, 0, d));
        }
        GoSort.sort(tmp, Aggregations.BY_VALUE);
        for (int i = 0; i < v.length; i++) {
            v[i] = tmp.get(i).value();
        }
    }

    /** Upper bound and cumulative count of one classic histogram bucket. */
    record Bucket(double upperBound, double count) {
    }

    /**
     * A 3.x bucket quantile and, when counts had to be raised to make them monotonic, the lowest and highest upper
     * bound raised and the largest raise.
     */
    record BucketQuantile(double value, boolean forcedMonotonic, double minBucket, double maxBucket,
                          double maxDiff) {
        static BucketQuantile of(double value) {
            return new BucketQuantile(value, false, 0, 0, 0);
        }
    }

    /** 3.x's BucketQuantile, which reports the counts it raised. */
    static BucketQuantile bucketQuantileReportingFixes(double q, List<Bucket> input) {
        if (Double.isNaN(q)) {
            return BucketQuantile.of(Double.NaN);
        }
        if (q < 0) {
            return BucketQuantile.of(Double.NEGATIVE_INFINITY);
        }
        if (q > 1) {
            return BucketQuantile.of(Double.POSITIVE_INFINITY);
        }
        Coalesced b = coalesced(input);
        if (b == null) {
            return BucketQuantile.of(Double.NaN);
        }
        double minBucket = Double.POSITIVE_INFINITY;
        double maxBucket = Double.NEGATIVE_INFINITY;
        double maxDiff = 0;
        boolean forced = false;
        double prev = b.counts[0];
        for (int i = 1; i < b.n; i++) {
            double curr = b.counts[i];
            if (curr == prev) {
                continue;
            }
            if (Almost.equal(prev, curr, SMALL_DELTA_TOLERANCE)) {
                b.counts[i] = prev;
                continue;
            }
            if (curr < prev) {
                b.counts[i] = prev;
                forced = true;
                minBucket = Math.min(minBucket, b.bounds[i]);
                maxBucket = Math.max(maxBucket, b.bounds[i]);
                maxDiff = Math.max(maxDiff, prev - curr);
                continue;
            }
            prev = curr;
        }
        return new BucketQuantile(quantileOfMonotonic(q, b.bounds, b.counts, b.n), forced, minBucket, maxBucket,
                maxDiff);
    }

    /** 3.x's BucketFraction: the share of observations between lower and upper, interpolating linearly. */
    static double bucketFraction(double lower, double upper, List<Bucket> input) {
        Coalesced b = coalesced(input);
        if (b == null) {
            return Double.NaN;
        }
        double count = b.counts[b.n - 1];
        if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        // Positive buckets only if the first upper bound is above 0: its lower bound is 0, otherwise -Inf.
        double lowerBound = b.bounds[0] <= 0 ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < b.n; i++) {
            if (i > 0) {
                lowerBound = b.bounds[i - 1];
            }
            double upperBound = b.bounds[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && upperBound > lower) {
                lowerRank = interpolate(rank, b.counts[i], lowerBound, upperBound, lower);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upper && upperBound > upper) {
                upperRank = interpolate(rank, b.counts[i], lowerBound, upperBound, upper);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = b.counts[i];
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return (upperRank - lowerRank) / count;
    }

    /** The rank of v inside a bucket; a bucket reaching down to -Inf contributes nothing of its own. */
    private static double interpolate(double rank, double count, double lowerBound, double upperBound, double v) {
        if (lowerBound == Double.NEGATIVE_INFINITY) {
            return count;
        }
        return rank + (count - rank) * (v - lowerBound) / (upperBound - lowerBound);
    }

    /** Buckets sorted by upper bound with equal bounds merged; {@code n} are valid. */
    private record Coalesced(double[] bounds, double[] counts, int n) {
    }

    /** The buckets sorted and coalesced, or null when the highest bound is not +Inf. */
    private static Coalesced coalesced(List<Bucket> input) {
        List<Bucket> sorted = new ArrayList<>(input);
        GoSort.sort(sorted, (a, b) -> a.upperBound() < b.upperBound());
        if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return null;
        }
        int n = 0;
        double[] bounds = new double[sorted.size()];
        double[] counts = new double[sorted.size()];
        for (Bucket b : sorted) {
            if (n > 0 && bounds[n - 1] == b.upperBound()) {
                counts[n - 1] += b.count();
            } else {
                bounds[n] = b.upperBound();
                counts[n++] = b.count();
            }
        }
        return new Coalesced(bounds, counts, n);
    }

    static double bucketQuantile(double q, List<Bucket> input) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        Coalesced b = coalesced(input);
        if (b == null) {
            return Double.NaN;
        }
        int n = b.n;
        double[] bounds = b.bounds;
        double[] counts = b.counts;
        double max = Double.NEGATIVE_INFINITY; // ensure monotonic counts
        for (int i = 0; i < n; i++) {
            if (counts[i] > max) {
                max = counts[i];
            } else if (counts[i] < max) {
                counts[i] = max;
            }
        }
        return quantileOfMonotonic(q, bounds, counts, n);
    }

    /** The quantile of coalesced buckets whose counts are monotonic (q in [0, 1]). */
    private static double quantileOfMonotonic(double q, double[] bounds, double[] counts, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double observations = counts[n - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) { // Go's sort.Search over [0, n-1)
            int h = (lo + hi) >>> 1;
            if (!(counts[h] >= rank)) {
                lo = h + 1;
            } else {
                hi = h;
            }
        }
        int b = lo;
        if (b == n - 1) {
            return bounds[n - 2];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double start = 0;
        double end = bounds[b];
        double count = counts[b];
        if (b > 0) {
            start = bounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return start + (end - start) * (rank / count);
    }
}
