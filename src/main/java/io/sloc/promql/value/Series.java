package io.sloc.promql.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled run of points, timestamps and values in primitive arrays (only the first {@code size} are valid);
 * {@code dropName} as in {@link Sample} (a subquery's series whose name an inner operation dropped); the points'
 * start timestamps when read from storage that has them (null otherwise; 0 for an unknown one). {@code histograms}
 * holds the native-histogram points (null at float points; the whole array null when the series has none).
 */
public record Series(Labels metric, long[] timestamps, double[] values, int size, boolean dropName,
                     long[] startTimestamps, FloatHistogram[] histograms) {
    public Series {
        if (size > timestamps.length || size > values.length
                || startTimestamps != null && size > startTimestamps.length
                || histograms != null && size > histograms.length) {
            throw new IllegalArgumentException("size exceeds arrays");
        }
    }

    public Series(Labels metric, long[] timestamps, double[] values, int size, boolean dropName,
                  long[] startTimestamps) {
        this(metric, timestamps, values, size, dropName, startTimestamps, null);
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

    /** The point's histogram, null for a float point. */
    public FloatHistogram histogram(int i) {
        return histograms == null ? null : histograms[i];
    }

    public boolean hasHistograms() {
        return histograms != null;
    }

    /** The point's start timestamp, 0 when unknown. */
    public long startTimestamp(int i) {
        return startTimestamps == null ? 0 : startTimestamps[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.metric.equals(metric) && s.size == size
                && Arrays.equals(timestamps, 0, size, s.timestamps, 0, size)
                && Arrays.equals(values, 0, size, s.values, 0, size)
                && sameHistograms(s);
    }

    private boolean sameHistograms(Series s) {
        for (int i = 0; histograms != s.histograms && i < size; i++) {
            if (!Objects.equals(histogram(i), s.histogram(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return metric.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(metric.toString()).append(" =>");
        for (int i = 0; i < size; i++) {
            sb.append(' ').append(histogram(i) != null ? histogram(i).testExpression() : values[i])
                    .append(" @").append(timestamps[i]);
        }
        return sb.toString();
    }
}
