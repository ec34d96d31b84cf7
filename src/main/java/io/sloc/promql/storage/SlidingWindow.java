package io.sloc.promql.storage;

/**
 * A cursor over one series' samples in a time window {@code [firstMs, endMs]} that moves forward with the evaluation
 * steps: the bounds advance over the sorted arrays instead of being searched again, and the counts the range
 * functions need (stale markers, counter resets between adjacent samples) are kept up to date as samples enter and
 * leave. Moving backwards, or jumping, repositions it from scratch, so any sequence of windows gives exact answers.
 * Not thread-safe (neither is the storage it reads).
 */
public final class SlidingWindow {
    private final StoredSeries series;
    private final long rangeMs;
    private long firstMs = Long.MIN_VALUE;
    private long endMs = Long.MIN_VALUE;
    private int from;
    private int to = -1;
    private int staleCount;
    private int resetCount;
    private int repositions;
    private Object attachment;

    SlidingWindow(StoredSeries series, long rangeMs) {
        this.series = series;
        this.rangeMs = rangeMs;
    }

    public StoredSeries series() {
        return series;
    }

    /** The range this cursor was created for; windows of other lengths still work, only less incrementally. */
    public long rangeMs() {
        return rangeMs;
    }

    /** Positions the window on the samples with {@code firstMs <= timestamp <= endMs}. */
    public void moveTo(long newFirstMs, long newEndMs) {
        // Backwards, or a jump past the current window: search instead of stepping.
        if (newFirstMs < firstMs || newEndMs < endMs || newFirstMs > endMs || newFirstMs > newEndMs) {
            reposition(newFirstMs);
        }
        firstMs = newFirstMs;
        endMs = newEndMs;
        while (to + 1 < series.size() && series.timestamp(to + 1) <= newEndMs) {
            add(to + 1);
        }
        while (from <= to && series.timestamp(from) < newFirstMs) {
            removeFirst();
        }
    }

    private void reposition(long newFirstMs) {
        from = series.firstIndexAtOrAfter(newFirstMs);
        to = from - 1;
        staleCount = 0;
        resetCount = 0;
        repositions++;
    }

    private void add(int i) {
        double v = series.value(i);
        if (StaleMarker.is(v)) {
            staleCount++;
        }
        if (i > from && v < series.value(i - 1)) {
            resetCount++;
        }
        to = i;
    }

    private void removeFirst() {
        if (StaleMarker.is(series.value(from))) {
            staleCount--;
        }
        if (from < to && series.value(from + 1) < series.value(from)) {
            resetCount--;
        }
        from++;
    }

    /** Index of the first sample in the window (meaningless when the window is empty). */
    public int from() {
        return from;
    }

    /** Index of the last sample in the window; {@code to() < from()} when it is empty. */
    public int to() {
        return to;
    }

    /** Stale markers in the window. */
    public int staleCount() {
        return staleCount;
    }

    /** Samples in the window other than stale markers. */
    public int pointCount() {
        return to - from + 1 - staleCount;
    }

    /**
     * Adjacent stored samples in the window where the value decreases. Equals the counter resets of the window's
     * points when it holds no stale markers (NaN never counts: comparisons with NaN are false).
     */
    public int resetCount() {
        return resetCount;
    }

    /** How often the window had to be placed from scratch (moved backwards); for tests. */
    public int repositions() {
        return repositions;
    }

    /** State the functions evaluated over this window keep between steps (the engine's running sums). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object state) {
        attachment = state;
    }
}
