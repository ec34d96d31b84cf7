package io.sloc.promql.engine;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.storage.StoredSeries;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Native histograms as Prometheus 3 reads them for the {@link StatsOnlySelectors} (its HistogramStatsIterator):
 * schema, count and sum only, with a counter reset hint detected on the fly where the stored one is unknown: against
 * the previous histogram (buckets included), if the series' iterator has read that one.
 *
 * <p>Which samples the iterator has read depends on the steps before: a selector keeps one iterator per series for
 * the whole query; each read seeks to its time, reading every sample on the way from a delta before it (the lookback
 * of an instant selector, the window of a range). Only when that delta starts past where the previous read stopped
 * does the iterator jump, forgetting what it read. Subqueries never read stats only, so a query's steps are read in
 * order.
 */
final class HistogramStatsReads {
    private static final HistogramStatsReads NONE = new HistogramStatsReads(Set.of());

    private final Set<VectorSelector> statsOnly;
    /** Per selector, per selected series (by index): where its iterator started reading and where it stands. */
    private final Map<VectorSelector, Iterators> iterators = new IdentityHashMap<>();

    private HistogramStatsReads(Set<VectorSelector> statsOnly) {
        this.statsOnly = statsOnly;
    }

    /** The stats-only reads of {@code query} (none before Prometheus 3). */
    static HistogramStatsReads of(Expr query, PromqlProfile profile) {
        return over(selectors(query, profile));
    }

    /** The selectors of {@code query} read as count and sum only (none before Prometheus 3). */
    static Set<VectorSelector> selectors(Expr query, PromqlProfile profile) {
        return profile.readsHistogramStatsOnly() ? StatsOnlySelectors.in(query) : Set.of();
    }

    /** The reads of one query whose stats-only selectors are {@code statsOnly}. */
    static HistogramStatsReads over(Set<VectorSelector> statsOnly) {
        return statsOnly.isEmpty() ? NONE : new HistogramStatsReads(statsOnly);
    }

    boolean covers(VectorSelector vs) {
        return statsOnly.contains(vs);
    }

    /**
     * Moves the iterator of series {@code k} of {@code vs} ({@code s}) to {@code soughtMs}, reading from
     * {@code readFromMs} on; its first read starts at {@code firstSelected}, the first sample the query's selection
     * holds. Returns the index of the first sample it has read without jumping since.
     */
    int seek(VectorSelector vs, int k, StoredSeries s, long readFromMs, long soughtMs, int firstSelected) {
        Iterators its = iterators.computeIfAbsent(vs, v -> new Iterators());
        its.ensure(k);
        if (its.position[k] < 0) {
            its.readFrom[k] = firstSelected;
        } else if (its.position[k] < s.size() && readFromMs > s.timestamp(its.position[k])) {
            its.readFrom[k] = s.firstIndexAtOrAfter(readFromMs);
        }
        its.position[k] = s.firstIndexAtOrAfter(soughtMs);
        return its.readFrom[k];
    }

    /**
     * Sample {@code i} of {@code s} as a stats-only histogram (null for a float sample), the iterator having read from
     * index {@code readFrom} on.
     */
    static FloatHistogram histogram(StoredSeries s, int i, int readFrom) {
        FloatHistogram h = s.histogram(i);
        if (h == null) {
            return null;
        }
        CounterResetHint hint = h.counterResetHint();
        FloatHistogram previous = hint == CounterResetHint.UNKNOWN ? previousHistogram(s, i, readFrom) : null;
        if (previous != null) {
            hint = h.detectReset(previous) ? CounterResetHint.COUNTER_RESET : CounterResetHint.NOT_COUNTER_RESET;
        }
        return stats(h, hint);
    }

    /** The last histogram before {@code i} the iterator read (floats and stale markers leave it unchanged). */
    private static FloatHistogram previousHistogram(StoredSeries s, int i, int readFrom) {
        for (int j = i - 1; j >= readFrom; j--) {
            FloatHistogram h = s.histogram(j);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    private static FloatHistogram stats(FloatHistogram h, CounterResetHint hint) {
        return FloatHistogram.builder().schema(h.schema()).count(h.count()).sum(h.sum()).counterResetHint(hint)
                .build();
    }

    /** Growable per-series iterator state of one selector; -1: not read yet. */
    private static final class Iterators {
        private int[] readFrom = new int[0];
        private int[] position = new int[0];

        void ensure(int k) {
            if (k >= position.length) {
                int n = Math.max(k + 1, position.length * 2);
                readFrom = Arrays.copyOf(readFrom, n);
                int old = position.length;
                position = Arrays.copyOf(position, n);
                Arrays.fill(position, old, n, -1);
            }
        }
    }
}
