package io.sloc.emit.grafana;

import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.SliQueries;
import io.sloc.model.AlertRule;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.model.WindowText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Selectors of the series the compiler records for one SLO ({@link RuleNames}), narrowed to one service and SLO
 * and, on a service dashboard, to the values picked in the grouping variables. Dashboards read these recorded
 * series, never the raw (expensive) SLI expressions; the one exception, latency quantiles of a native histogram, reads
 * one series per group.
 */
final class SloSeries {
    private final RuleNames names;
    private final Service service;
    private final Slo slo;
    private final boolean filteredByVariables;

    private SloSeries(RuleNames names, Service service, Slo slo, boolean filteredByVariables) {
        this.names = names;
        this.service = service;
        this.slo = slo;
        this.filteredByVariables = filteredByVariables;
    }

    /** For a service dashboard: grouped series narrowed to the values picked in the grouping variables. */
    static SloSeries filtered(RuleNames names, Service service, Slo slo) {
        return new SloSeries(names, service, slo, true);
    }

    /** For the overview: every group of the SLO. */
    static SloSeries allGroups(RuleNames names, Service service, Slo slo) {
        return new SloSeries(names, service, slo, false);
    }

    Slo slo() {
        return slo;
    }

    /** The SLO's error ratio over {@code window} (one the compiler records), one series per group. */
    String errorRatio(Duration window) {
        return RuleNames.errorRatio(window) + selector();
    }

    /** How many times faster than sustainable the SLO spent its error budget over {@code window}. */
    String burnRate(Duration window) {
        return errorRatio(window) + " / " + BurnFactors.text(slo.objective().errorBudget());
    }

    /** The policy's long windows, shortest first, or the period alone when the SLO has no burn-rate alerts. */
    List<Duration> burnWindows() {
        List<Duration> windows = slo.alerting().map(policy -> policy.windows().stream()
                .map(BurnRateWindow::longWindow).distinct().sorted().toList()).orElse(List.of());
        return windows.isEmpty() ? List.of(slo.window()) : windows;
    }

    /** The SLO's objective as a ratio (e.g. 0.9995); recorded once per SLO, without grouping labels. */
    String objective() {
        return RuleNames.OBJECTIVE + names.matcher(service, slo);
    }

    /** Share of the period's error budget still left, one series per group: 1 is untouched, below 0 is overspent. */
    String periodBudgetRemaining() {
        return RuleNames.REMAINING_BUDGET + selector();
    }

    /** {@code ALERTS} of the SLO's burn-rate alerts of one severity that are firing (not the plain alerts). */
    String firingBurnAlerts(String severity) {
        List<String> matchers = new ArrayList<>(matchers(identityMatchers()));
        matchers.add("alertname=\"" + RuleNames.burnAlert(service, slo) + "\"");
        matchers.add("severity=\"" + severity + "\"");
        matchers.add("alertstate=\"firing\"");
        return "ALERTS{" + String.join(", ", matchers) + "}";
    }

    /**
     * Quantile {@code phi} of a native-histogram latency SLI's request durations over Grafana's rate interval, one
     * series per group: read from the histogram itself, one series per group, so it is as cheap as a recorded one.
     */
    String latencyQuantile(Sli.NativeLatency latency, String phi) {
        List<String> filters = filteredByVariables
                ? slo.groupBy().stream().map(label -> label + "=~\"$" + label + "\"").toList() : List.of();
        return "histogram_quantile(" + phi + ", " + SliQueries.nativeRate(latency, slo.groupBy(), filters,
                "$__rate_interval") + ")";
    }

    /** The service's plain (threshold) alerts that name this SLO in their {@code slo} label. */
    List<String> thresholdAlertNames() {
        return service.alerts().stream().filter(alert -> slo.name().equals(alert.labels().get("slo")))
                .map(AlertRule::name).toList();
    }

    /** {@code ALERTS} of those threshold alerts that are firing: they carry sloc's labels whatever the naming. */
    String firingThresholdAlerts() {
        return "ALERTS{" + String.join(", ", plainAlertMatchers()) + ", alertname=~\""
                + String.join("|", thresholdAlertNames()) + "\", alertstate=\"firing\"}";
    }

    /** The SLO's identity labels, plus one {@code label=~"$label"} per grouping label when filtered. */
    String selector() {
        return "{" + String.join(", ", matchers(identityMatchers())) + "}";
    }

    private List<String> identityMatchers() {
        return names.identity(service, slo).entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"").toList();
    }

    private List<String> plainAlertMatchers() {
        return List.of("service=\"" + service.name() + "\"", "slo=\"" + slo.name() + "\"");
    }

    private List<String> matchers(List<String> identity) {
        List<String> matchers = new ArrayList<>(identity);
        if (filteredByVariables) {
            slo.groupBy().forEach(label -> matchers.add(label + "=~\"$" + label + "\""));
        }
        return matchers;
    }

    /** A duration as the compiler spells it in rule names and ranges: 30d, 6h, 5m. */
    static String text(Duration duration) {
        return WindowText.of(duration);
    }
}
