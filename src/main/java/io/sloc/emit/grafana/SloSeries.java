package io.sloc.emit.grafana;

import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Selectors of the series the compiler records for one SLO, narrowed to one service and SLO and, for grouped SLOs,
 * to the dashboard's grouping variables. Dashboards read these recorded series only, never the raw (expensive)
 * SLI expressions.
 */
final class SloSeries {
    private final Service service;
    private final Slo slo;
    private final boolean filteredByVariables;

    private SloSeries(Service service, Slo slo, boolean filteredByVariables) {
        this.service = service;
        this.slo = slo;
        this.filteredByVariables = filteredByVariables;
    }

    /** For a service dashboard: grouped series narrowed to the values picked in the grouping variables. */
    static SloSeries filtered(Service service, Slo slo) {
        return new SloSeries(service, slo, true);
    }

    /** For the overview: every group of the SLO. */
    static SloSeries allGroups(Service service, Slo slo) {
        return new SloSeries(service, slo, false);
    }

    Slo slo() {
        return slo;
    }

    Service service() {
        return service;
    }

    /** The SLO's error ratio over {@code window}, one series per group. */
    String errorRatio(Duration window) {
        return "slo:sli_error:ratio_rate" + promDuration(window) + selector();
    }

    /** How many times faster than sustainable the SLO spent its error budget over {@code window}. */
    String burnRate(Duration window) {
        return errorRatio(window) + " / " + slo.objective().errorBudget().toPlainString();
    }

    /** The policy's long windows, shortest first, or the period alone when the SLO has no burn-rate alerts. */
    List<Duration> burnWindows() {
        List<Duration> windows = slo.alerting().map(policy -> policy.windows().stream()
                .map(BurnRateWindow::longWindow).distinct().sorted().toList()).orElse(List.of());
        return windows.isEmpty() ? List.of(slo.window()) : windows;
    }

    /** The SLO's objective as a ratio (e.g. 0.9995). */
    String objective() {
        return "slo:objective:ratio" + sloSelector();
    }

    /** Share of the period's error budget still left, one series per group: 1 is untouched, below 0 is overspent. */
    String periodBudgetRemaining() {
        return "slo:period_error_budget_remaining:ratio" + selector();
    }

    /** Selector of the SLO's own series: service and slo labels. */
    String sloSelector() {
        return "{" + String.join(", ", baseMatchers()) + "}";
    }

    /** Like {@link #sloSelector()}, plus one {@code label=~"$label"} matcher per grouping label when filtered. */
    String selector() {
        List<String> matchers = new ArrayList<>(baseMatchers());
        if (filteredByVariables) {
            slo.groupBy().forEach(label -> matchers.add(label + "=~\"$" + label + "\""));
        }
        return "{" + String.join(", ", matchers) + "}";
    }

    private List<String> baseMatchers() {
        return List.of("service=\"" + service.name() + "\"", "slo=\"" + slo.name() + "\"");
    }

    /** A duration in PromQL's largest exact unit: 30d, 6h, 5m. */
    static String promDuration(Duration duration) {
        long seconds = duration.getSeconds();
        long[] unitSeconds = {7 * 86400, 86400, 3600, 60, 1};
        String[] unitNames = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < unitSeconds.length; i++) {
            if (seconds % unitSeconds[i] == 0) {
                return seconds / unitSeconds[i] + unitNames[i];
            }
        }
        throw new IllegalArgumentException("not a whole number of seconds: " + duration);
    }
}
