package io.sloc.promql.storage;

import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
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
    /** Each sample's start timestamp (when its counter started counting), 0 if unknown; null while all are. */
    private long[] startTimestamps;
    /** The native-histogram samples; null while the series has none (float-only series pay nothing). */
    private HistogramColumn histograms;
    /** When the TSDB chunk holding the latest histogram would have started (see {@link ChunkHints}). */
    private long chunkStartMs;
    private Labels labelsWithoutName;
    private Labels labelsWithoutMetadata;
    /**
     * Window cursors and their ranges, created on first use; few per series (one per distinct range queried), found
     * by scanning the ranges at every step.
     */
    private SlidingWindow[] windows = new SlidingWindow[0];
    private long[] windowRanges = new long[0];

    /** An empty series; other {@link Queryable} implementations may build their own. */
    public StoredSeries(Labels labels) {
        this.labels = labels;
    }

    /** The labels without {@code __name__}, computed once (range functions and operators drop the name each step). */
    public Labels labelsWithoutName() {
        if (labelsWithoutName == null) {
            labelsWithoutName = labels.withoutMetricName();
        }
        return labelsWithoutName;
    }

    /** The labels without {@code __name__}, {@code __type__} and {@code __unit__} (Prometheus 3's drop), computed once. */
    public Labels labelsWithoutMetadata() {
        if (labelsWithoutMetadata == null) {
            labelsWithoutMetadata = labels.withoutMetadataLabels();
        }
        return labelsWithoutMetadata;
    }

    /** The cursor for windows of {@code rangeMs} over this series, shared by all queries that use that range. */
    public SlidingWindow window(long rangeMs) {
        for (int i = 0; i < windowRanges.length; i++) {
            if (windowRanges[i] == rangeMs) {
                return windows[i];
            }
        }
        SlidingWindow w = new SlidingWindow(this, rangeMs);
        windows = Arrays.copyOf(windows, windows.length + 1);
        windowRanges = Arrays.copyOf(windowRanges, windows.length);
        windows[windows.length - 1] = w;
        windowRanges[windows.length - 1] = rangeMs;
        return w;
    }

    /** Grows the arrays to hold at least {@code capacity} samples, so series of known length never over-allocate. */
    void reserve(int capacity) {
        if (capacity > timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
            if (startTimestamps != null) {
                startTimestamps = Arrays.copyOf(startTimestamps, capacity);
            }
            if (histograms != null) {
                histograms.reserve(capacity);
            }
        }
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

    /** The sample's native histogram, null for a float sample (whose {@link #value} then counts). */
    public FloatHistogram histogram(int i) {
        return histograms == null ? null : histograms.get(i);
    }

    public boolean hasHistograms() {
        return histograms != null;
    }

    /** The sample's start timestamp, 0 when unknown. */
    public long startTimestamp(int i) {
        return startTimestamps == null ? 0 : startTimestamps[i];
    }

    public boolean hasStartTimestamps() {
        return startTimestamps != null;
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
        if (size > 0 && timestamps[size - 1] <= t) {
            return size - 1; // the latest sample: what instant selectors read at each new step
        }
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
        append(t, v, 0);
    }

    /** {@link #append(long, double)} with the sample's start timestamp (0: unknown). */
    public void append(long t, double v, long startTimestamp) {
        if (size > 0 && t <= timestamps[size - 1]) {
            rejectUnlessRepeated(t, histogram(size - 1) == null
                    && Double.doubleToRawLongBits(values[size - 1]) == Double.doubleToRawLongBits(v));
            return;
        }
        makeRoom();
        if (startTimestamp != 0 && startTimestamps == null) {
            startTimestamps = new long[timestamps.length];
        }
        if (startTimestamps != null) {
            startTimestamps[size] = startTimestamp;
        }
        timestamps[size] = t;
        values[size++] = v;
    }

    /** Appends a native-histogram sample, with the checks of {@link #append(long, double)}. */
    public void append(long t, FloatHistogram h) {
        append(t, h, 0);
    }

    /** {@link #append(long, FloatHistogram)} with the sample's start timestamp (0: unknown). */
    public void append(long t, FloatHistogram h, long startTimestamp) {
        if (size > 0 && t <= timestamps[size - 1]) {
            rejectUnlessRepeated(t, h.equals(histogram(size - 1)));
            return;
        }
        makeRoom();
        if (histograms == null) {
            histograms = new HistogramColumn(timestamps.length);
        }
        FloatHistogram previous = size > 0 ? histogram(size - 1) : null;
        boolean sameChunkRange = t / ChunkHints.CHUNK_RANGE_MS == chunkStartMs / ChunkHints.CHUNK_RANGE_MS;
        CounterResetHint hint = ChunkHints.readBack(previous, h, sameChunkRange);
        if (hint == CounterResetHint.UNKNOWN || !sameChunkRange) {
            chunkStartMs = t;
        }
        histograms.set(size, h.withCounterResetHint(hint));
        if (startTimestamp != 0 && startTimestamps == null) {
            startTimestamps = new long[timestamps.length];
        }
        if (startTimestamps != null) {
            startTimestamps[size] = startTimestamp;
        }
        timestamps[size++] = t;
    }

    /** A sample at or before the last one's timestamp: ignored if it repeats the last sample, else rejected. */
    private void rejectUnlessRepeated(long t, boolean sameAsLast) {
        if (t < timestamps[size - 1]) {
            throw new StorageException("out of order sample");
        }
        if (!sameAsLast) {
            throw new StorageException("duplicate sample for timestamp");
        }
    }

    private void makeRoom() {
        if (size == timestamps.length) {
            // 1.5x growth: long series (a month of 1-minute samples) waste at most a third of their arrays.
            reserve(size + (size >> 1) + 1);
        }
    }
}
