package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test group's input series, expanded from their notation and appended to storage lazily, step by step, like
 * promtool's lazy loader: only samples at or before the current evaluation time are ever in storage.
 * Only the expanded values are held (sample times follow from the slot and the interval), so long inputs
 * (a month of 1-minute samples for a thousand series) need no second copy besides the storage.
 */
final class InputSeriesLoader {
    /** One series' slots (sample i at {@code startMs + i * intervalMs}) and the next slot to load. */
    private static final class Pending {
        final Labels labels;
        final double[] values;
        final BitSet omitted;
        /** Native histograms by slot (Prometheus 3); null when the series has none. */
        final FloatHistogram[] histograms;
        final long startMs;
        final long intervalMs;
        /** Why the storage rejects this series' samples (a label name given twice), or null. */
        final String rejection;
        int next;
        long lastTime = Long.MIN_VALUE;

        Pending(Labels labels, SeriesDescriptions.SeriesDescription d, long startMs, long intervalMs) {
            this.labels = labels;
            this.values = d.values();
            this.omitted = d.omitted();
            this.histograms = d.histograms();
            this.startMs = startMs;
            this.intervalMs = intervalMs;
            this.rejection = d.repeatedName() == null ? null
                    : "label name " + GoQuote.quote(d.repeatedName()) + " is not unique: invalid sample";
        }

        /** The same series, not loaded yet. */
        Pending(Pending from) {
            this.labels = from.labels;
            this.values = from.values;
            this.omitted = from.omitted;
            this.histograms = from.histograms;
            this.startMs = from.startMs;
            this.intervalMs = from.intervalMs;
            this.rejection = from.rejection;
        }

        /** Whether a sample of the series is due by {@code tsMs}. */
        boolean hasSampleBy(long tsMs) {
            int first = omitted.nextClearBit(0);
            return first < values.length && startMs + first * intervalMs <= tsMs;
        }

        int sampleCount() {
            // Interval 0 puts every slot at time 0, where only the first sample is kept.
            int present = values.length - omitted.cardinality();
            return intervalMs == 0 ? Math.min(1, present) : present;
        }
    }

    private final List<Pending> series;

    private InputSeriesLoader(List<Pending> series) {
        this.series = series;
    }

    /**
     * Expands every input series: sample i at {@code startMs + i * intervalMs}, omitted slots skipped. The series are
     * read as promtool reads them, as the lines of a {@code load} block ({@code "<series> <values>"}, trimmed, a line
     * starting with '#' counting as empty): the block, and so the input, ends at the first empty line. A series given
     * twice keeps its last definition; samples at a time already used are dropped (interval 0 keeps the first value),
     * as in Prometheus's test storage.
     *
     * Names are read as the profile's Prometheus reads them (quoted UTF-8 names in 3.x).
     *
     * @throws PromqlParseException for bad series notation
     */
    static InputSeriesLoader of(List<InputSeries> inputs, long startMs, long intervalMs, PromqlProfile profile) {
        StringBuilder block = new StringBuilder();
        for (InputSeries in : inputs) {
            block.append(in.series()).append(' ').append(in.values()).append('\n');
        }
        Map<Labels, Pending> byLabels = new LinkedHashMap<>();
        for (String raw : block.toString().split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                break;
            }
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeriesLine(line, profile);
            Labels labels = Labels.of(d.labels());
            byLabels.remove(labels);
            byLabels.put(labels, new Pending(labels, d, startMs, intervalMs));
        }
        return new InputSeriesLoader(new ArrayList<>(byLabels.values()));
    }

    /**
     * The series named one of {@code metricNames}, none loaded yet: the same input for a second storage (the
     * expanded values are shared, not copied).
     */
    InputSeriesLoader named(Set<String> metricNames) {
        List<Pending> picked = new ArrayList<>();
        for (Pending p : series) {
            if (metricNames.contains(p.labels.metricName())) {
                picked.add(new Pending(p));
            }
        }
        return new InputSeriesLoader(picked);
    }

    /** How many samples loading every series appends. */
    long sampleCount() {
        long count = 0;
        for (Pending p : series) {
            count += p.sampleCount();
        }
        return count;
    }

    /** Whether the storage rejects some series (then loading fails from its first sample on). */
    boolean rejectsSome() {
        for (Pending p : series) {
            if (p.rejection != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends every sample at or before {@code tsMs} not yet in storage; or, once a sample the storage rejects is due,
     * none: the rejection, as promtool's lazy loader, whose batch (and every later one) then fails without commit.
     */
    Optional<String> loadUntil(MemoryStorage storage, long tsMs) {
        for (Pending p : series) {
            if (p.rejection != null && p.hasSampleBy(tsMs)) {
                return Optional.of(p.rejection);
            }
        }
        for (Pending p : series) {
            if (p.rejection != null) {
                continue;
            }
            while (p.next < p.values.length) {
                int i = p.next;
                long t = p.startMs + i * p.intervalMs;
                if (t > tsMs) {
                    break;
                }
                p.next++;
                if (p.omitted.get(i) || t <= p.lastTime) {
                    continue;
                }
                if (p.lastTime == Long.MIN_VALUE) {
                    storage.reserve(p.labels, p.sampleCount()); // no growth copies for long input series
                }
                FloatHistogram h = p.histograms == null ? null : p.histograms[i];
                if (h != null) {
                    storage.append(p.labels, t, h);
                } else {
                    storage.append(p.labels, t, p.values[i]);
                }
                p.lastTime = t;
            }
        }
        return Optional.empty();
    }
}
