package io.sloc.promql.storage;

/**
 * The earliest sample time written to a storage since the watcher last looked. Results computed from the storage
 * and kept across queries (the engine's subquery steps) stay valid only for times before it.
 */
public final class WriteWatch {
    /** Nothing written since the last look. */
    public static final long NONE = Long.MAX_VALUE;

    private long earliestMs = NONE;

    WriteWatch() {
    }

    void written(long timestampMs) {
        earliestMs = Math.min(earliestMs, timestampMs);
    }

    /** The earliest time written since the previous call ({@link #NONE} if nothing), and starts watching afresh. */
    public long takeEarliest() {
        long earliest = earliestMs;
        earliestMs = NONE;
        return earliest;
    }
}
