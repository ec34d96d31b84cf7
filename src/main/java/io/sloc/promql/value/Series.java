package io.sloc.promql.value;

import java.util.Arrays;

/**
 * A labelled run of points, timestamps and values in primitive arrays (only the first {@code size} are valid);
 * {@code dropName} as in {@link Sample} (a subquery's series whose name an inner operation dropped); the points'
 * start timestamps when read from storage that has them (null otherwise; 0 for an unknown one).
 */
public record Series(Labels metric, long[] timestamps, double[] values, int size, boolean dropName,
                     long[] startTimestamps) {
    public Series {
        if (size > timestamps.length || size > values.length
                || startTimestamps != null && size > startTimestamps.length) {
            throw new IllegalArgumentException("size exceeds arrays");
        }
    }

    public Series(Labels metric, long[] timestamps, double[] values, int size) {
        this(metric, timestamps, values, size, false, null);
    }

    public Series(Labels metric, long[] timestamps, double[] values, int size, boolean dropName) {
        this(metric, timestamps, values, size, dropName, null);
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The point's start timestamp, 0 when unknown. */
    public long startTimestamp(int i) {
        return startTimestamps == null ? 0 : startTimestamps[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.metric.equals(metric) && s.size == size
                && Arrays.equals(timestamps, 0, size, s.timestamps, 0, size)
                && Arrays.equals(values, 0, size, s.values, 0, size);
    }

    @Override
    public int hashCode() {
        return metric.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(metric.toString()).append(" =>");
        for (int i = 0; i < size; i++) {
            sb.append(' ').append(values[i]).append(" @").append(timestamps[i]);
        }
        return sb.toString();
    }
}
