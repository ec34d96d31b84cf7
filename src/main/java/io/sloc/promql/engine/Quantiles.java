package io.sloc.promql.engine;

import io.sloc.golang.sort.GoSort;
import io.sloc.promql.value.Sample;
import java.util.ArrayList;
import java.util.List;

/** Prometheus's {@code quantile} (aggregation and quantile_over_time) and {@code bucketQuantile}. */
final class Quantiles {
    private Quantiles() {
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
        List<Bucket> sorted = new ArrayList<>(input);
        GoSort.sort(sorted, (a, b) -> a.upperBound() < b.upperBound());
        if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        int n = 0;
        double[] bounds = new double[sorted.size()];
        double[] counts = new double[sorted.size()];
        for (Bucket b : sorted) { // coalesce equal bounds
            if (n > 0 && bounds[n - 1] == b.upperBound()) {
                counts[n - 1] += b.count();
            } else {
                bounds[n] = b.upperBound();
                counts[n++] = b.count();
            }
        }
        double max = Double.NEGATIVE_INFINITY; // ensure monotonic counts
        for (int i = 0; i < n; i++) {
            if (counts[i] > max) {
                max = counts[i];
            } else if (counts[i] < max) {
                counts[i] = max;
            }
        }
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
