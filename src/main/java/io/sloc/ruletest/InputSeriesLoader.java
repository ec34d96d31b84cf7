package io.sloc.ruletest;

import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test group's input series, expanded from their notation and appended to storage lazily, step by step, like
 * promtool's lazy loader: only samples at or before the current evaluation time are ever in storage.
 */
final class InputSeriesLoader {
    /** One series' samples in time order and how many of them are already in storage. */
    private static final class Pending {
        final Labels labels;
        final long[] times;
        final double[] values;
        int next;

        Pending(Labels labels, long[] times, double[] values) {
            this.labels = labels;
            this.times = times;
            this.values = values;
        }
    }

    private final List<Pending> series;

    private InputSeriesLoader(List<Pending> series) {
        this.series = series;
    }

    /**
     * Expands every input series: sample i at {@code i * intervalMs}, omitted slots skipped. A series given twice
     * keeps its last definition; samples at a time already used are dropped (interval 0 keeps the first value), as
     * in Prometheus's test storage.
     *
     * @throws PromqlParseException for bad series notation
     */
    static InputSeriesLoader of(List<InputSeries> inputs, long intervalMs) {
        Map<Labels, Pending> byLabels = new LinkedHashMap<>();
        for (InputSeries in : inputs) {
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeries(in.series(), in.values());
            Labels labels = Labels.of(d.labels());
            long[] times = new long[d.values().length];
            double[] values = new double[d.values().length];
            int n = 0;
            for (int i = 0; i < d.values().length; i++) {
                long t = i * intervalMs;
                if (d.omitted().get(i) || n > 0 && t <= times[n - 1]) {
                    continue;
                }
                times[n] = t;
                values[n++] = d.values()[i];
            }
            byLabels.remove(labels);
            byLabels.put(labels, new Pending(labels, java.util.Arrays.copyOf(times, n),
                    java.util.Arrays.copyOf(values, n)));
        }
        return new InputSeriesLoader(new ArrayList<>(byLabels.values()));
    }

    /** Appends every sample at or before {@code tsMs} not yet in storage. */
    void loadUntil(MemoryStorage storage, long tsMs) {
        for (Pending p : series) {
            if (p.next == 0 && p.times.length > 0 && p.times[0] <= tsMs) {
                storage.reserve(p.labels, p.times.length); // no growth copies for long input series
            }
            while (p.next < p.times.length && p.times[p.next] <= tsMs) {
                storage.append(p.labels, p.times[p.next], p.values[p.next]);
                p.next++;
            }
        }
    }
}
