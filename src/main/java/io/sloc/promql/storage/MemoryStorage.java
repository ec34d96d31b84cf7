package io.sloc.promql.storage;

import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** In-memory series storage. Series are kept sorted by labels and indexed by metric name. */
public final class MemoryStorage implements Queryable {
    private final TreeMap<Labels, StoredSeries> series = new TreeMap<>();
    /** The same series by hash (Labels caches its hash): appends look up a series at every step. */
    private final Map<Labels, StoredSeries> byLabels = new HashMap<>();
    private final Map<String, List<StoredSeries>> byName = new HashMap<>();
    private boolean byNameSorted = true;
    /**
     * Selections by matcher list (identity: a parsed selector keeps its list), valid until a series is added. Rule
     * tests run the same selectors at every step, so matching (regexes included) happens once per new series.
     */
    private final Map<List<LabelMatcher>, List<StoredSeries>> selections = new IdentityHashMap<>();
    private final List<WriteWatch> watches = new ArrayList<>(1);

    /**
     * Appends a sample. A sample at the series' last timestamp with identical bits is ignored; a different value
     * there, or an older timestamp, is rejected with Prometheus's message.
     */
    public void append(Labels labels, long timestampMs, double value) {
        written(timestampMs);
        seriesFor(labels).append(timestampMs, value);
    }

    /** {@link #append(Labels, long, double)} with the sample's start timestamp (0: unknown). */
    public void append(Labels labels, long timestampMs, double value, long startTimestampMs) {
        written(timestampMs);
        seriesFor(labels).append(timestampMs, value, startTimestampMs);
    }

    /** Appends a native-histogram sample, with the checks of {@link #append(Labels, long, double)}. */
    public void append(Labels labels, long timestampMs, FloatHistogram histogram) {
        written(timestampMs);
        seriesFor(labels).append(timestampMs, histogram);
    }

    /** {@link #append(Labels, long, FloatHistogram)} with the sample's start timestamp (0: unknown). */
    public void append(Labels labels, long timestampMs, FloatHistogram histogram, long startTimestampMs) {
        written(timestampMs);
        seriesFor(labels).append(timestampMs, histogram, startTimestampMs);
    }

    /** Makes room for {@code samples} samples of the series in total, e.g. a test's input known in advance. */
    public void reserve(Labels labels, int samples) {
        seriesFor(labels).reserve(samples);
    }

    private StoredSeries seriesFor(Labels labels) {
        StoredSeries s = byLabels.get(labels);
        if (s == null) {
            s = new StoredSeries(labels);
            series.put(labels, s);
            byLabels.put(labels, s);
            byName.computeIfAbsent(String.valueOf(labels.metricName()), k -> new ArrayList<>()).add(s);
            byNameSorted = false;
            selections.clear();
        }
        return s;
    }

    public void clear() {
        written(Long.MIN_VALUE);
        series.clear();
        byLabels.clear();
        byName.clear();
        selections.clear();
    }

    @Override
    public WriteWatch watchWrites() {
        WriteWatch w = new WriteWatch();
        watches.add(w);
        return w;
    }

    private void written(long timestampMs) {
        for (int i = 0; i < watches.size(); i++) {
            watches.get(i).written(timestampMs);
        }
    }

    public int seriesCount() {
        return series.size();
    }

    /** {@inheritDoc} The list is shared between calls until a series is added: callers must not modify it. */
    @Override
    public List<StoredSeries> select(List<LabelMatcher> matchers) {
        List<StoredSeries> cached = selections.get(matchers);
        if (cached == null) {
            cached = Collections.unmodifiableList(match(matchers));
            selections.put(matchers, cached);
        }
        return cached;
    }

    private List<StoredSeries> match(List<LabelMatcher> matchers) {
        Iterable<StoredSeries> candidates = series.values();
        for (LabelMatcher m : matchers) {
            if (m.type() == LabelMatcher.Type.EQUAL && m.name().equals(Labels.METRIC_NAME)) {
                sortNameIndex();
                candidates = byName.getOrDefault(m.value(), List.of());
                break;
            }
        }
        List<StoredSeries> out = new ArrayList<>();
        for (StoredSeries s : candidates) {
            if (matchesAll(s.labels(), matchers)) {
                out.add(s);
            }
        }
        return out;
    }

    private void sortNameIndex() {
        if (!byNameSorted) {
            byName.values().forEach(list -> list.sort((a, b) -> a.labels().compareTo(b.labels())));
            byNameSorted = true;
        }
    }

    private static boolean matchesAll(Labels labels, List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(labels.get(m.name()))) {
                return false;
            }
        }
        return true;
    }
}
