package io.sloc.emit.behaviour;

import io.sloc.model.PromqlQuery;
import io.sloc.model.Sli;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.Selectors;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.parser.PromqlPrinter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The input series that make an SLI see given {@link SyntheticTraffic}, named and labelled as a real client exposes
 * them: counters of bad and good requests for a ratio SLI (two series of one metric told apart by a label, e.g.
 * {@code code="500"} and {@code code="200"}, or an events and a total metric), {@code _bucket{le="..."}} and
 * {@code _count} for a classic latency SLI, one native histogram ({@link NativeHistogramSeries}) for a native one.
 * Label values are chosen to satisfy the SLI's own matchers.
 */
public final class SeriesSynthesizer {
    /** One input series of a test file: its name and labels, and its values in promtool's notation. */
    public interface Written {
        String series();

        String notation();
    }

    /** One float input series in promtool notation, with its value at every slot. */
    public record InputSeries(String series, List<Double> values) implements Written {
        public InputSeries {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        @Override
        public String notation() {
            return ExpandingNotation.format(values);
        }
    }

    /** Values tried for labels that regex or negative matchers constrain: status codes, methods, plain words. */
    private static final List<String> CANDIDATES = List.of("500", "200", "503", "404", "429", "POST", "GET", "synthetic");

    private static final String GROUP_VALUE = "synthetic";

    private SeriesSynthesizer() {
    }

    /** Whether {@link #series} can synthesize input for this SLI (a single selector per side, counters only). */
    public static Optional<String> unsupportedReason(Sli sli) {
        if (sli instanceof Sli.Ratio ratio) {
            if (Selectors.in(ratio.events().parsed()).size() != 1 || Selectors.in(ratio.total().parsed()).size() != 1) {
                return Optional.of("the ratio SLI's events and total must each read exactly one selector");
            }
            return Optional.empty();
        }
        if (sli instanceof Sli.Latency || sli instanceof Sli.NativeLatency) {
            return Optional.empty();
        }
        if (sli instanceof Sli.Availability availability && availability.gauge().parsed() instanceof VectorSelector) {
            return Optional.empty();
        }
        return Optional.of("synthetic series for an availability SLI over an expression are not generated");
    }

    /** The input series {@link #series} writes for this SLI, which fix how the rules combine their rates. */
    public static AlertTimeline.Inputs inputs(Sli sli) {
        if (sli instanceof Sli.Availability) {
            return AlertTimeline.Inputs.GAUGE;
        }
        if (sli instanceof Sli.Ratio ratio) {
            return oneMetric(ratio) ? AlertTimeline.Inputs.BAD_AND_GOOD
                    : ratio.countsErrors() ? AlertTimeline.Inputs.BAD_AND_TOTAL : AlertTimeline.Inputs.GOOD_AND_TOTAL;
        }
        if (sli instanceof Sli.NativeLatency) {
            return AlertTimeline.Inputs.NATIVE_HISTOGRAM;
        }
        return AlertTimeline.Inputs.GOOD_AND_TOTAL; // a histogram's bucket (good) and count (total)
    }

    /** Events and total read one metric: two series of it, bad and good, told apart by a label. */
    private static boolean oneMetric(Sli.Ratio ratio) {
        List<VectorSelector> events = Selectors.in(ratio.events().parsed());
        List<VectorSelector> total = Selectors.in(ratio.total().parsed());
        return events.size() == 1 && total.size() == 1 && events.get(0).name() != null
                && events.get(0).name().equals(total.get(0).name());
    }

    /** The series for {@code traffic}, float or native histogram as the SLI reads them ({@link #series}). */
    public static List<? extends Written> written(Sli sli, Set<String> groupLabels, SyntheticTraffic traffic) {
        if (sli instanceof Sli.NativeLatency latency) {
            VectorSelector histogram = only(latency.histogram());
            return List.of(NativeHistogramSeries.of(notation(histogram.name(),
                    choose(List.of(histogram), List.of(), groupLabels)), latency, traffic));
        }
        return series(sli, groupLabels, traffic);
    }

    /**
     * The float series for {@code traffic}; {@code groupLabels} (an SLO's {@code by (...)} labels) get the value
     * {@code synthetic} unless a matcher demands another.
     */
    public static List<InputSeries> series(Sli sli, Set<String> groupLabels, SyntheticTraffic traffic) {
        unsupportedReason(sli).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (sli instanceof Sli.NativeLatency) {
            throw new IllegalArgumentException("a native histogram is not a float series: see written()");
        }
        if (sli instanceof Sli.Availability availability) {
            return instances(only(availability.gauge()), groupLabels, traffic);
        }
        if (sli instanceof Sli.Latency latency) {
            VectorSelector histogram = only(latency.histogram());
            Map<String, String> labels = choose(List.of(histogram), List.of(), groupLabels);
            Map<String, String> bucket = new TreeMap<>(labels);
            bucket.put("le", latency.le());
            Map<String, String> inf = new TreeMap<>(labels);
            inf.put("le", "+Inf");
            return List.of(
                    new InputSeries(notation(histogram.name() + "_bucket", bucket), traffic.counter(false)),
                    new InputSeries(notation(histogram.name() + "_bucket", inf), traffic.totalCounter()),
                    new InputSeries(notation(histogram.name() + "_count", labels), traffic.totalCounter()));
        }
        Sli.Ratio ratio = (Sli.Ratio) sli;
        VectorSelector events = only(ratio.events());
        VectorSelector total = only(ratio.total());
        boolean badAreEvents = ratio.countsErrors();
        if (oneMetric(ratio)) {
            List<VectorSelector> badMatches = badAreEvents ? List.of(events, total) : List.of(total);
            List<VectorSelector> badMisses = badAreEvents ? List.of() : List.of(events);
            List<VectorSelector> goodMatches = badAreEvents ? List.of(total) : List.of(events, total);
            List<VectorSelector> goodMisses = badAreEvents ? List.of(events) : List.of();
            Set<String> names = labelNames(List.of(events, total), groupLabels);
            return List.of(
                    new InputSeries(notation(total.name(), choose(names, badMatches, badMisses, groupLabels)),
                            traffic.counter(true)),
                    new InputSeries(notation(total.name(), choose(names, goodMatches, goodMisses, groupLabels)),
                            traffic.counter(false)));
        }
        return List.of(
                new InputSeries(notation(events.name(), choose(List.of(events), List.of(), groupLabels)),
                        traffic.counter(badAreEvents)),
                new InputSeries(notation(total.name(), choose(List.of(total), List.of(), groupLabels)),
                        traffic.totalCounter()));
    }

    /** One 0/1 gauge per instance ({@code instance="synthetic-<n>"}); the traffic counts instances, not requests. */
    private static List<InputSeries> instances(VectorSelector gauge, Set<String> groupLabels, SyntheticTraffic traffic) {
        long count = traffic.totalInStep(0);
        for (int step = 0; step < traffic.steps(); step++) {
            if (traffic.totalInStep(step) != count) {
                throw new IllegalArgumentException("a gauge SLI needs a constant number of instances");
            }
        }
        Map<String, String> labels = choose(List.of(gauge), List.of(), groupLabels);
        List<InputSeries> series = new ArrayList<>();
        for (int instance = 0; instance < count; instance++) {
            Map<String, String> instanceLabels = new TreeMap<>(labels);
            instanceLabels.put("instance", "synthetic-" + instance);
            series.add(new InputSeries(notation(gauge.name(), instanceLabels), traffic.gauge(instance)));
        }
        return series;
    }

    private static VectorSelector only(PromqlQuery query) {
        List<VectorSelector> selectors = Selectors.in(query.parsed());
        if (selectors.size() != 1 || selectors.get(0).name() == null) {
            throw new IllegalArgumentException("expected one named selector in " + query.text());
        }
        return selectors.get(0);
    }

    private static Map<String, String> choose(List<VectorSelector> matches, List<VectorSelector> misses,
                                              Set<String> groupLabels) {
        return choose(labelNames(matches, groupLabels), matches, misses, groupLabels);
    }

    private static Set<String> labelNames(List<VectorSelector> selectors, Set<String> groupLabels) {
        Set<String> names = new TreeSet<>(groupLabels);
        for (VectorSelector selector : selectors) {
            for (LabelMatcher matcher : selector.matchers()) {
                if (!matcher.name().equals("__name__")) {
                    names.add(matcher.name());
                }
            }
        }
        return names;
    }

    /**
     * A label set over {@code names} that every selector in {@code matches} selects and none in {@code misses}
     * does; group labels must be non-empty. Tries candidate values in a fixed order, so the choice is stable.
     */
    private static Map<String, String> choose(Set<String> names, List<VectorSelector> matches,
                                              List<VectorSelector> misses, Set<String> groupLabels) {
        List<String> order = new ArrayList<>(names);
        List<List<String>> values = new ArrayList<>();
        for (String name : order) {
            values.add(candidates(name, matches, misses, groupLabels.contains(name)));
        }
        Map<String, String> found = search(order, values, 0, new TreeMap<>(), matches, misses);
        if (found == null) {
            throw new IllegalArgumentException("no label values satisfy " + promql(matches) + " but not "
                    + promql(misses));
        }
        found.values().removeIf(String::isEmpty);
        return found;
    }

    /** Selectors as PromQL, for messages. */
    private static String promql(List<VectorSelector> selectors) {
        return selectors.stream().map(PromqlPrinter::print).collect(Collectors.joining(", "));
    }

    private static List<String> candidates(String name, List<VectorSelector> matches, List<VectorSelector> misses,
                                           boolean nonEmpty) {
        Set<String> values = new LinkedHashSet<>();
        for (List<VectorSelector> selectors : List.of(matches, misses)) {
            for (VectorSelector selector : selectors) {
                for (LabelMatcher matcher : selector.matchers()) {
                    if (matcher.name().equals(name) && matcher.type() == LabelMatcher.Type.EQUAL) {
                        values.add(matcher.value());
                    }
                    if (matcher.name().equals(name) && matcher.type() == LabelMatcher.Type.REGEX) {
                        for (String alternative : matcher.value().split("\\|")) {
                            if (alternative.matches("[A-Za-z0-9_:/ -]*")) {
                                values.add(alternative); // a literal alternative such as GET in GET|POST
                            }
                        }
                    }
                }
            }
        }
        if (nonEmpty && values.isEmpty()) {
            values.add(GROUP_VALUE); // a by (...) label no matcher constrains
        }
        values.addAll(CANDIDATES);
        if (!nonEmpty) {
            values.add("");
        } else {
            values.remove("");
        }
        return new ArrayList<>(values);
    }

    private static Map<String, String> search(List<String> names, List<List<String>> values, int index,
                                              Map<String, String> chosen, List<VectorSelector> matches,
                                              List<VectorSelector> misses) {
        if (index == names.size()) {
            for (VectorSelector selector : matches) {
                if (!selects(selector, chosen)) {
                    return null;
                }
            }
            for (VectorSelector selector : misses) {
                if (selects(selector, chosen)) {
                    return null;
                }
            }
            return new TreeMap<>(chosen);
        }
        for (String value : values.get(index)) {
            chosen.put(names.get(index), value);
            Map<String, String> found = search(names, values, index + 1, chosen, matches, misses);
            if (found != null) {
                return found;
            }
        }
        chosen.remove(names.get(index));
        return null;
    }

    private static boolean selects(VectorSelector selector, Map<String, String> labels) {
        for (LabelMatcher matcher : selector.matchers()) {
            if (!matcher.name().equals("__name__") && !matcher.matches(labels.getOrDefault(matcher.name(), ""))) {
                return false;
            }
        }
        return true;
    }

    /** {@code name{a="x",b="y"}} with sorted labels and Go-style escaping of values. */
    public static String notation(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('{');
        String sep = "";
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            out.append(sep).append(label.getKey()).append("=\"")
                    .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            sep = ",";
        }
        return out.append('}').toString();
    }
}
