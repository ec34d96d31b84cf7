package io.sloc.promql.storage;

import io.sloc.promql.value.Labels;
import java.util.Arrays;

/**
 * One stored series: timestamps and values in growable primitive arrays, appended in timestamp order. Stale markers
 * are stored with their raw NaN bits; readers must compare bits ({@link StaleMarker#is}).
 */
public final class StoredSeries {
    private final Labels labels;
    private long[] timestamps = new long[8];
    private double[] values = new double[8];
    private int size;

    /** An empty series; other {@link Queryable} implementations may build their own. */
    public StoredSeries(Labels labels) {
        this.labels = labels;
    }

    public Labels labels() {
        return labels;
    }

    public int size() {
        return size;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Index of the first sample with timestamp >= t (size() if none). */
    public int firstIndexAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the last sample with timestamp <= t (-1 if none). */
    public int lastIndexAtOrBefore(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * Appends a sample: a later timestamp, or the last one again with identical bits (then ignored).
     *
     * @throws StorageException "out of order sample" or "duplicate sample for timestamp", as Prometheus's TSDB
     */
    public void append(long t, double v) {
        if (size > 0) {
            long last = timestamps[size - 1];
            if (t < last) {
                throw new StorageException("out of order sample");
            }
            if (t == last) {
                if (Double.doubleToRawLongBits(values[size - 1]) != Double.doubleToRawLongBits(v)) {
                    throw new StorageException("duplicate sample for timestamp");
                }
                return;
            }
        }
        if (size == timestamps.length) {
            int capacity = size * 2;
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        timestamps[size] = t;
        values[size++] = v;
    }
}
