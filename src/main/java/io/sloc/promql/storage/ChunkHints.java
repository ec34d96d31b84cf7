package io.sloc.promql.storage;

import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Span;
import java.util.Arrays;
import java.util.List;

/**
 * The counter reset hint a histogram sample reads back with from Prometheus's TSDB, which keeps hints per chunk: a
 * gauge stays a gauge; a sample continuing its chunk reads "not reset"; one that starts a chunk reads "unknown". A
 * chunk starts at the series' first histogram, after a float, at a 2h chunk-range boundary, at a schema or zero
 * threshold change, and at a counter reset (an explicit hint, or a count or bucket that went down).
 */
final class ChunkHints {
    /** The TSDB's default chunk range (2h): head chunks never span a multiple of it. */
    static final long CHUNK_RANGE_MS = 2 * 3600 * 1000;

    private ChunkHints() {
    }

    /**
     * The hint {@code h} reads back with; {@code previous} is the series' previous sample if a histogram (else null),
     * {@code sameChunkRange} whether it lies in the chunk range where the current chunk started.
     */
    static CounterResetHint readBack(FloatHistogram previous, FloatHistogram h, boolean sameChunkRange) {
        if (h.counterResetHint() == CounterResetHint.GAUGE) {
            return CounterResetHint.GAUGE;
        }
        boolean continues = previous != null && sameChunkRange
                && previous.counterResetHint() != CounterResetHint.GAUGE
                && h.counterResetHint() != CounterResetHint.COUNTER_RESET
                && previous.schema() == h.schema() && previous.zeroThreshold() == h.zeroThreshold()
                && !isReset(previous, h);
        return continues ? CounterResetHint.NOT_COUNTER_RESET : CounterResetHint.UNKNOWN;
    }

    /** The TSDB appender's reset test for two histograms of the same schema and zero threshold. */
    private static boolean isReset(FloatHistogram previous, FloatHistogram h) {
        if (h.count() < previous.count() || h.zeroCount() < previous.zeroCount()) {
            return true;
        }
        if (h.usesCustomBuckets() && !Arrays.equals(h.customValues(), previous.customValues())) {
            return true;
        }
        return bucketWentDown(previous.positiveSpans(), previous.positiveBuckets(), h.positiveSpans(),
                h.positiveBuckets())
                || bucketWentDown(previous.negativeSpans(), previous.negativeBuckets(), h.negativeSpans(),
                h.negativeBuckets());
    }

    /** Whether a populated bucket of {@code a} is missing from {@code b} or has a lower count there. */
    private static boolean bucketWentDown(List<Span> aSpans, double[] a, List<Span> bSpans, double[] b) {
        long[] bIndexes = indexes(bSpans, b.length);
        long[] aIndexes = indexes(aSpans, a.length);
        int j = 0;
        for (int i = 0; i < a.length; i++) {
            while (j < b.length && bIndexes[j] < aIndexes[i]) {
                j++;
            }
            boolean present = j < b.length && bIndexes[j] == aIndexes[i];
            if (present ? a[i] > b[j] : a[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static long[] indexes(List<Span> spans, int n) {
        long[] out = new long[n];
        long index = 0;
        int k = 0;
        for (Span s : spans) {
            index += s.offset();
            for (int i = 0; i < s.length() && k < n; i++) {
                out[k++] = index++;
            }
        }
        return out;
    }
}
