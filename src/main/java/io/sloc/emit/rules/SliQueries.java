package io.sloc.emit.rules;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.model.PromqlQuery;
import io.sloc.model.Sli;
import io.sloc.model.WindowText;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PromQL for an SLI's bad and total events per second over one window, aggregated to the SLO's grouping.
 * Every SLI kind reduces to this pair, which is what makes longer windows traffic-weighted.
 */
public final class SliQueries {
    private final Sli sli;
    private final List<String> groupBy;
    /** "sum(" or "sum by (route) (": the aggregation every per-window query starts with. */
    private final String sumBy;

    SliQueries(Sli sli, List<String> groupBy) {
        this.sli = sli;
        this.groupBy = List.copyOf(groupBy);
        this.sumBy = sumBy(groupBy);
    }

    private static String sumBy(List<String> groupBy) {
        return groupBy.isEmpty() ? "sum(" : "sum by (" + String.join(", ", groupBy) + ") (";
    }

    /** Events per second (for availability: observed instance-seconds per second). */
    String total(Duration window) {
        if (sli instanceof Sli.Ratio ratio) {
            return counterRate(ratio.total(), window);
        }
        if (sli instanceof Sli.Latency latency) {
            return sumBy + "rate(" + histogramSeries(latency, "_count", null) + "[" + WindowText.of(window) + "]))";
        }
        if (sli instanceof Sli.NativeLatency latency) {
            return "histogram_count(" + nativeRate(latency, window) + ")";
        }
        return "count" + sumBy.substring("sum".length()) + gaugeAverage((Sli.Availability) sli, window) + ")";
    }

    /**
     * Bad events per second, given the selector of the total recorded just before (read instead of the SLI's
     * series a second time). Counters of bad (or good) events often have no series until the first such event,
     * so each falls back to 0 × total: zero bad events, not "no data", whenever there is traffic.
     */
    String bad(Duration window, String recordedTotal) {
        if (sli instanceof Sli.Ratio ratio) {
            String events = orZero(counterRate(ratio.events(), window), recordedTotal);
            return ratio.countsErrors() ? events : minus(recordedTotal, events);
        }
        if (sli instanceof Sli.Latency latency) {
            String good = sumBy + "rate(" + histogramSeries(latency, "_bucket", latency.le()) + "["
                    + WindowText.of(window) + "]))";
            return minus(recordedTotal, orZero(good, recordedTotal));
        }
        if (sli instanceof Sli.NativeLatency latency) {
            // With no requests the fraction is NaN: only where there is traffic, else 0 like the other SLIs.
            return "(1 - histogram_fraction(0, " + GoFloat.format(latency.boundarySeconds(), 'g', -1) + ", "
                    + nativeRate(latency, window) + "))\n* " + on() + " (" + recordedTotal + " > 0)\nor "
                    + on() + "\n0 * " + recordedTotal;
        }
        return sumBy + "1 - " + gaugeAverage((Sli.Availability) sli, window) + ")";
    }

    /**
     * {@code on(<grouping>)}: matches a recorded series (which carries the SLO's labels) with the aggregation of
     * the SLI's series (which carries only the grouping labels).
     */
    private String on() {
        return "on(" + String.join(", ", groupBy) + ")";
    }

    private String minus(String recordedTotal, String good) {
        return recordedTotal + "\n- " + on() + "\n(\n" + indent(good) + "\n)";
    }

    private String orZero(String events, String recordedTotal) {
        return events + "\nor " + on() + "\n0 * " + recordedTotal;
    }

    private String counterRate(PromqlQuery counter, Duration window) {
        String range = WindowText.of(window);
        if (counter.usesWindow()) {
            return sumBy + "\n" + indent(counter.text().replace(PromqlQuery.WINDOW_PLACEHOLDER, range)) + "\n)";
        }
        return sumBy + "rate(" + selector((VectorSelector) counter.parsed(), "", null) + "[" + range + "]))";
    }

    private static String gaugeAverage(Sli.Availability sli, Duration window) {
        String range = WindowText.of(window);
        return sli.gauge().parsed() instanceof VectorSelector selector
                ? "avg_over_time(" + selector(selector, "", null) + "[" + range + "])"
                : "avg_over_time((\n" + indent(sli.gauge().text()) + "\n)[" + range + ":])";
    }

    /** The native histogram's rate over {@code window} summed to the grouping: one histogram per group. */
    private String nativeRate(Sli.NativeLatency latency, Duration window) {
        return nativeRate(latency, groupBy, List.of(), WindowText.of(window));
    }

    /**
     * For dashboards: the native histogram's rate over {@code range} (e.g. {@code $__rate_interval}), its selector
     * narrowed by {@code extraMatchers} (e.g. {@code route=~"$route"}), summed to {@code groupBy}.
     */
    public static String nativeRate(Sli.NativeLatency latency, List<String> groupBy, List<String> extraMatchers,
                                    String range) {
        String selector = selector((VectorSelector) latency.histogram().parsed(), "", null);
        if (!extraMatchers.isEmpty()) {
            String extra = String.join(", ", extraMatchers);
            selector = selector.endsWith("}") ? selector.substring(0, selector.length() - 1) + ", " + extra + "}"
                    : selector + "{" + extra + "}";
        }
        return sumBy(groupBy) + "rate(" + selector + "[" + range + "]))";
    }

    private static String histogramSeries(Sli.Latency latency, String suffix, String le) {
        return selector((VectorSelector) latency.histogram().parsed(), suffix, le);
    }

    /**
     * A selector printed from its AST (so comments or odd spacing in the spec cannot leak into generated
     * rules), with a suffix on the metric name and optionally an {@code le} matcher in front.
     */
    static String selector(VectorSelector selector, String suffix, String le) {
        List<String> matchers = new ArrayList<>();
        if (le != null) {
            // Go clients write a whole-second bucket as "1", Java clients as "1.0": match both.
            matchers.add(le.contains(".") ? "le=" + GoQuote.quote(le) : "le=~" + GoQuote.quote(le + "(\\.0)?"));
        }
        for (LabelMatcher m : selector.matchers()) {
            if (!(selector.name() != null && m.name().equals("__name__") && m.type() == LabelMatcher.Type.EQUAL)) {
                matchers.add(m.name() + m.type().text() + GoQuote.quote(m.value()));
            }
        }
        String name = selector.name() == null ? "" : selector.name() + suffix;
        return matchers.isEmpty() ? name : name + "{" + String.join(", ", matchers) + "}";
    }

    /** User PromQL on lines of its own: a trailing {@code # comment} in it cannot swallow generated code. */
    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
