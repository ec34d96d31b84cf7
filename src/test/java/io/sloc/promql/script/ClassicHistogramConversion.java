package io.sloc.promql.script;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code load_with_nhcb}: classic histogram series ({@code x_bucket{le=…}}, {@code x_count}, {@code x_sum}) collated
 * by timestamp into native histograms with custom buckets named {@code x}, as Prometheus's util/convertnhcb does.
 */
final class ClassicHistogramConversion {
    /** Per native series, the histogram being collected at each timestamp. */
    private final Map<Labels, TreeMap<Long, Collected>> histograms = new LinkedHashMap<>();

    /** One classic sample: a bucket, count or sum of a histogram; other series are ignored. */
    void add(Labels series, long t, double value) {
        String name = series.get("__name__");
        if (name == null) {
            return;
        }
        if (name.endsWith("_bucket")) {
            double le = parseLe(series.get("le"));
            if (!Double.isNaN(le)) {
                collected(series, name, "_bucket", t).bucket(le, value);
            }
        } else if (name.endsWith("_count")) {
            collected(series, name, "_count", t).count(value);
        } else if (name.endsWith("_sum")) {
            collected(series, name, "_sum", t).sum = value;
        }
    }

    private static double parseLe(String le) {
        Double d = le == null ? null : ScriptParser.parseNumber(le);
        return d == null ? Double.NaN : d;
    }

    private Collected collected(Labels series, String name, String suffix, long t) {
        Map<String, String> labels = new LinkedHashMap<>(series.toMap());
        labels.remove("le");
        labels.put("__name__", name.substring(0, name.length() - suffix.length()));
        return histograms.computeIfAbsent(Labels.of(labels), k -> new TreeMap<>())
                .computeIfAbsent(t, k -> new Collected());
    }

    /** The native histograms by series and timestamp. */
    Map<Labels, TreeMap<Long, FloatHistogram>> convert() {
        Map<Labels, TreeMap<Long, FloatHistogram>> out = new LinkedHashMap<>();
        histograms.forEach((labels, byTime) -> {
            TreeMap<Long, FloatHistogram> converted = new TreeMap<>();
            byTime.forEach((t, c) -> converted.put(t, c.convert()));
            out.put(labels, converted);
        });
        return out;
    }

    /** convertnhcb's TempHistogram: cumulative bucket counts by upper bound, count and sum. */
    private static final class Collected {
        private final TreeMap<Double, Double> buckets = new TreeMap<>();
        private Double count;
        private double sum;
        private String error;

        void bucket(double le, double cumulative) {
            if (error != null || buckets.containsKey(le)) {
                return;
            }
            if (cumulative < 0) {
                error = "negative bucket count: le=" + g(le) + ", count=" + g(cumulative);
                return;
            }
            Map.Entry<Double, Double> below = buckets.lowerEntry(le);
            Map.Entry<Double, Double> above = buckets.higherEntry(le);
            if (below != null && cumulative < below.getValue()) {
                error = "count is not cumulative: " + g(cumulative) + " < " + g(below.getValue());
            } else if (above != null && cumulative > above.getValue()) {
                error = "count is not cumulative: " + g(cumulative) + " > " + g(above.getValue());
            } else {
                buckets.put(le, cumulative);
            }
        }

        void count(double c) {
            if (error == null && c < 0) {
                error = "count must be non-negative: count=" + g(c);
            } else if (error == null) {
                count = c;
            }
        }

        FloatHistogram convert() {
            if (error != null) {
                throw new IllegalArgumentException(error);
            }
            double total = count != null ? count : buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
            if (buckets.isEmpty() || buckets.lastKey() != Double.POSITIVE_INFINITY) {
                buckets.put(Double.POSITIVE_INFINITY, total);
            }
            boolean integers = total == Math.rint(total)
                    && buckets.values().stream().allMatch(c -> c == Math.rint(c));
            double[] counts = new double[buckets.size()];
            double[] bounds = new double[buckets.size() - 1];
            double previous = 0;
            int i = 0;
            for (Map.Entry<Double, Double> b : buckets.entrySet()) {
                counts[i] = b.getValue() - previous;
                previous = b.getValue();
                if (i < bounds.length) {
                    bounds[i] = b.getKey();
                }
                i++;
            }
            if (total != previous) {
                throw new IllegalArgumentException("count mismatch: count=" + g(total) + " != le=+Inf count="
                        + g(previous));
            }
            // Integer histograms are compacted keeping up to two empty buckets inside a span, float ones none.
            return FloatHistogram.builder().schema(FloatHistogram.CUSTOM_BUCKETS_SCHEMA).count(total).sum(sum)
                    .customValues(bounds).positive(new Span[] {new Span(0, counts.length)}, counts).build()
                    .compact(integers ? 2 : 0);
        }

        private static String g(double v) {
            return GoFloat.formatV(v);
        }
    }
}
