package io.sloc.emit.grafana;

import io.sloc.emit.grafana.GridLayout.Section;
import io.sloc.emit.grafana.model.FieldColor;
import io.sloc.emit.grafana.model.FieldDefaults;
import io.sloc.emit.grafana.model.FieldOverride;
import io.sloc.emit.grafana.model.GrafanaPanel;
import io.sloc.emit.grafana.model.GraphStyle;
import io.sloc.emit.grafana.model.Link;
import io.sloc.emit.grafana.model.PanelOptions;
import io.sloc.emit.grafana.model.Row;
import io.sloc.emit.grafana.model.Target;
import io.sloc.emit.grafana.model.Thresholds;
import io.sloc.emit.grafana.model.ValueMapping;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.PanelType;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The generated row of one SLO: objective, SLI over the period, error budget remaining, SLI against the objective
 * over time, one alert-state stat per burn-rate severity, a count of the firing threshold alerts that name the SLO,
 * and burn rate over time with each burn-rate alert's threshold drawn as a dashed line. Stats form an 8-column
 * block beside the budget gauge and the SLI chart; the burn-rate chart spans the row below. A grouped SLO's row
 * repeats once per value of its first grouping label.
 */
final class SloRow {
    private static final BigDecimal BUDGET_LOW = new BigDecimal("0.25");
    private static final List<String> SEVERITY_COLORS = List.of("red", "orange", "yellow", "blue");
    private static final List<String> LATENCY_QUANTILES = List.of("0.5", "0.9", "0.99");

    private final SloSeries series;
    private final Slo slo;

    SloRow(SloSeries series) {
        this.series = series;
        this.slo = series.slo();
    }

    Section section() {
        String repeat = slo.groupBy().isEmpty() ? null : slo.groupBy().get(0);
        Row header = Row.expanded(title(), repeat);
        List<GrafanaPanel> panels = new ArrayList<>();
        panels.add(objective());
        panels.add(periodSli());
        panels.add(budgetRemaining());
        panels.add(sliOverTime());
        severities().forEach(severity -> panels.add(alertState(severity)));
        if (!series.thresholdAlertNames().isEmpty()) {
            panels.add(thresholdAlerts());
        }
        panels.add(burnRate());
        if (slo.sli() instanceof Sli.NativeLatency latency) {
            panels.add(latencyQuantiles(latency));
        }
        return new Section(header, panels);
    }

    private String title() {
        String groups = slo.groupBy().stream().map(label -> label + "=$" + label).collect(Collectors.joining(", "));
        return "SLO " + slo.name() + ": " + slo.objective().percent().toPlainString() + "% over "
                + SloSeries.text(slo.window()) + (groups.isEmpty() ? "" : " (" + groups + ")");
    }

    /** Grafana legend naming a grouped SLO's series by its grouping labels. */
    private String groupLegend(String fallback) {
        return slo.groupBy().isEmpty() ? fallback
                : slo.groupBy().stream().map(label -> "{{" + label + "}}").collect(Collectors.joining(" "));
    }

    private GrafanaPanel objective() {
        FieldDefaults defaults = FieldDefaults.of("percentunit", Thresholds.base("blue"))
                .withDecimals(percentDecimals());
        return Panels.create(PanelType.STAT, "Objective", slo.description().orElse(null), 4, 4,
                List.of(Target.instant("max(" + series.objective() + ")", "Objective")), defaults);
    }

    private GrafanaPanel periodSli() {
        FieldDefaults defaults = FieldDefaults.of("percentunit",
                Thresholds.base("red").then(slo.objective().ratio(), "green")).withDecimals(percentDecimals());
        String window = SloSeries.text(slo.window());
        return Panels.create(PanelType.STAT, "SLI over " + window, "Share of good events over the last " + window
                        + ", traffic-weighted.", 4, 4,
                List.of(Target.instant("1 - " + series.errorRatio(slo.window()), groupLegend("SLI"))), defaults);
    }

    private GrafanaPanel budgetRemaining() {
        Thresholds thresholds = Thresholds.base("red").then(BigDecimal.ZERO, "orange").then(BUDGET_LOW, "green");
        FieldDefaults defaults = FieldDefaults.of("percentunit", thresholds)
                .withRange(BigDecimal.ZERO, BigDecimal.ONE).withDecimals(1);
        return Panels.create(PanelType.GAUGE, "Error budget remaining", "Share of the "
                        + SloSeries.text(slo.window()) + " error budget not yet spent; below 0 the SLO is missed.",
                4, blockHeight(), List.of(Target.instant(series.periodBudgetRemaining(), groupLegend("Remaining"))),
                defaults);
    }

    private GrafanaPanel sliOverTime() {
        Duration shortest = series.burnWindows().get(0);
        List<Target> targets = List.of(
                Target.range("1 - " + series.errorRatio(shortest),
                        groupLegend("SLI") + " (" + SloSeries.text(shortest) + ")"),
                Target.range("max(" + series.objective() + ")", "Objective"));
        FieldDefaults defaults = new FieldDefaults("percentunit", percentDecimals(), null, null,
                Thresholds.base("green"), FieldColor.PALETTE, null, GraphStyle.lines(10));
        List<FieldOverride> objectiveDashed = List.of(FieldOverride.byName("Objective", List.of(
                new FieldOverride.Property("custom.lineStyle", GraphStyle.LineStyle.DASHED),
                new FieldOverride.Property("custom.fillOpacity", 0),
                new FieldOverride.Property("color", FieldColor.fixed("red")))));
        return Panels.create(PanelType.TIMESERIES, "SLI vs objective", null, 12, blockHeight(), targets, defaults,
                objectiveDashed, PanelOptions.TimeSeries.withLegend(PanelOptions.Legend.LIST_BOTTOM), List.of());
    }

    /**
     * Burn rate = error ratio ÷ error budget, over each long window of the policy; every alert's factor is a
     * threshold drawn as a dashed line in its severity's color.
     */
    private GrafanaPanel burnRate() {
        List<Target> targets = new ArrayList<>();
        for (Duration window : series.burnWindows()) {
            targets.add(Target.range(series.burnRate(window),
                    groupLegend("burn rate") + " " + SloSeries.text(window)));
        }
        Thresholds thresholds = Thresholds.base("transparent");
        Map<BigDecimal, String> colorByFactor = new TreeMap<>();
        for (BurnRateWindow window : alertWindows()) {
            colorByFactor.putIfAbsent(window.factor().stripTrailingZeros(), severityColor(window.severity()));
        }
        for (Map.Entry<BigDecimal, String> factor : colorByFactor.entrySet()) {
            thresholds = thresholds.then(factor.getKey(), factor.getValue());
        }
        FieldDefaults defaults = new FieldDefaults(Panels.BURN_UNIT, null, BigDecimal.ZERO, null, thresholds,
                FieldColor.PALETTE, null,
                GraphStyle.lines(0).withThresholdsDrawn(colorByFactor.isEmpty() ? "off" : "dashed"));
        String description = alertWindows().isEmpty() ? "Error ratio divided by the error budget (1 = on track)."
                : "Error ratio divided by the error budget. Dashed lines: the burn-rate alert thresholds ("
                + alertWindows().stream().map(w -> w.severity() + " " + BurnFactors.text(w.factor())
                + "x over " + SloSeries.text(w.longWindow())).collect(Collectors.joining(", ")) + ").";
        return Panels.create(PanelType.TIMESERIES, "Burn rate", description, 24, 8, targets, defaults, List.of(),
                PanelOptions.TimeSeries.withLegend(PanelOptions.Legend.table(List.of("lastNotNull", "max"))),
                List.of());
    }

    /**
     * For a native-histogram latency SLI: the median, 90th and 99th percentile request duration, with the boundary
     * the SLI counts up to as a dashed line.
     */
    private GrafanaPanel latencyQuantiles(Sli.NativeLatency latency) {
        List<Target> targets = new ArrayList<>();
        for (String phi : LATENCY_QUANTILES) {
            String percentile = "p" + new BigDecimal(phi).movePointRight(2).stripTrailingZeros().toPlainString();
            String legend = slo.groupBy().isEmpty() ? percentile : groupLegend(percentile) + " " + percentile;
            targets.add(Target.range(series.latencyQuantile(latency, phi), legend));
        }
        BigDecimal boundary = BigDecimal.valueOf(latency.boundarySeconds());
        FieldDefaults defaults = new FieldDefaults("s", null, BigDecimal.ZERO, null,
                Thresholds.base("transparent").then(boundary, "red"), FieldColor.PALETTE, null,
                GraphStyle.lines(0).withThresholdsDrawn("dashed"));
        return Panels.create(PanelType.TIMESERIES, "Latency", "Request duration quantiles from the native histogram. "
                        + "Dashed line: the " + latency.thresholdSeconds().toPlainString() + "s threshold's bucket "
                        + "boundary, up to which requests count as fast.", 24, 8, targets, defaults, List.of(),
                PanelOptions.TimeSeries.withLegend(PanelOptions.Legend.table(List.of("lastNotNull", "max"))),
                List.of());
    }

    /** A burn-rate alert's state links to the SLO's runbook, if it has one. */
    private GrafanaPanel alertState(String severity) {
        Map<String, ValueMapping.Result> states = new LinkedHashMap<>();
        states.put("0", new ValueMapping.Result("OK", "green", 0));
        states.put("1", new ValueMapping.Result("FIRING", severityColor(severity), 1));
        FieldDefaults defaults = FieldDefaults.of("none", Thresholds.base("green"))
                .withMappings(List.of(ValueMapping.values(states)));
        return Panels.create(PanelType.STAT, "Alert: " + severity, "Whether a " + severity
                        + " burn-rate alert of this SLO is firing.", alertStatWidth(severities().indexOf(severity)), 4,
                List.of(Target.instant("max(" + series.firingBurnAlerts(severity) + ") or on() vector(0)", severity)),
                defaults).withLinks(slo.runbookUrl().map(url -> List.of(Link.external("Runbook", url))).orElse(null));
    }

    /** How many of the spec's threshold alerts that name this SLO are firing. */
    private GrafanaPanel thresholdAlerts() {
        FieldDefaults defaults = FieldDefaults.of("none", Thresholds.base("green").then(BigDecimal.ONE, "red"));
        return Panels.create(PanelType.STAT, "Threshold alerts firing", "Firing alerts among "
                        + String.join(", ", series.thresholdAlertNames()) + ".", alertStatWidth(alertStats() - 1), 4,
                List.of(Target.instant("count(" + series.firingThresholdAlerts() + ") or on() vector(0)", "firing")),
                defaults);
    }

    private int alertStats() {
        return severities().size() + (series.thresholdAlertNames().isEmpty() ? 0 : 1);
    }

    /** Alert stats fill the 8 columns under the objective and SLI two by two; an odd last one takes all 8. */
    private int alertStatWidth(int index) {
        return index == alertStats() - 1 && alertStats() % 2 == 1 ? 8 : 4;
    }

    /** The gauge and the SLI chart are as tall as the stat block beside them (4 per line of stats), at least 8. */
    private int blockHeight() {
        int statLines = 1 + (alertStats() + 1) / 2;
        return Math.max(8, 4 * statLines);
    }

    private List<BurnRateWindow> alertWindows() {
        return slo.alerting().map(policy -> policy.windows()).orElse(List.of());
    }

    /** Severities of the SLO's alerts in policy order (e.g. page, then ticket). */
    private List<String> severities() {
        return alertWindows().stream().map(BurnRateWindow::severity).distinct().toList();
    }

    private String severityColor(String severity) {
        int index = severities().indexOf(severity);
        return SEVERITY_COLORS.get(Math.min(Math.max(index, 0), SEVERITY_COLORS.size() - 1));
    }

    /** Enough decimals to show the objective exactly as a percentage: 99.95% needs 2. */
    private int percentDecimals() {
        return Math.max(0, slo.objective().ratio().stripTrailingZeros().scale() - 2);
    }
}
