package io.sloc.emit.grafana;

import io.sloc.diag.SourceLocation;
import io.sloc.model.AlertRule;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Dashboard;
import io.sloc.model.Maps;
import io.sloc.model.Objective;
import io.sloc.model.Panel;
import io.sloc.model.PanelType;
import io.sloc.model.PromqlQuery;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model built by hand, independent of the DSL: two services, grouped and ungrouped SLOs, the workbook policy,
 * an SLO without alerting, plain alerts and declared dashboard rows of every panel type.
 */
final class ModelFixtures {
    static final SourceLocation HERE = new SourceLocation("fixture.slo", 1, 1);

    private ModelFixtures() {
    }

    static PromqlQuery promql(String text) {
        return new PromqlQuery(text, null, HERE);
    }

    /** A native-histogram latency SLI over {@code selector} (parsed, as the rule and dashboard emitters read it). */
    static Sli.NativeLatency nativeLatency(String selector, String thresholdSeconds, int schema) {
        return new Sli.NativeLatency(new PromqlQuery(selector, PromqlParser.parse(selector, PromqlProfile.V3_14), HERE),
                new BigDecimal(thresholdSeconds), schema);
    }

    static BurnRatePolicy workbook() {
        return new BurnRatePolicy("workbook", List.of(
                window("0.02", "14.4", Duration.ofHours(1), Duration.ofMinutes(5), "page"),
                window("0.05", "6", Duration.ofHours(6), Duration.ofMinutes(30), "page"),
                window("0.1", "3", Duration.ofDays(1), Duration.ofHours(2), "ticket"),
                window("0.1", "1", Duration.ofDays(3), Duration.ofHours(6), "ticket")),
                Optional.empty(), Maps.sorted(Map.of()), Maps.sorted(Map.of()), Optional.empty());
    }

    static BurnRateWindow window(String share, String factor, Duration longWindow, Duration shortWindow,
                                 String severity) {
        return new BurnRateWindow(new BigDecimal(share), new BigDecimal(factor), longWindow, shortWindow, severity,
                Duration.ZERO, Duration.ZERO, Maps.sorted(Map.of()), Maps.sorted(Map.of()));
    }

    static Slo slo(String name, String percent, Sli sli, List<String> groupBy, Optional<BurnRatePolicy> alerting) {
        return new Slo(name, Optional.of(name + " objective"), new Objective(new BigDecimal(percent)),
                Duration.ofDays(30), sli, groupBy, alerting, Optional.empty(), Maps.sorted(Map.of()), HERE);
    }

    static Panel panel(PanelType type, String title, String query, String legend,
                       Optional<Panel.Thresholds> thresholds) {
        List<Panel.PanelQuery> queries = List.of(new Panel.PanelQuery(promql(query), Optional.ofNullable(legend)));
        return new Panel(type, title, Optional.empty(), queries, Optional.of("short"), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), thresholds, HERE);
    }

    static Spec twoServices() {
        Sli requests = new Sli.Ratio(promql("sum(rate(hatago_requests_total{code=~\"5..\"}[$window]))"), true,
                promql("sum(rate(hatago_requests_total[$window]))"));
        Sli latency = new Sli.Latency(promql("hatago_request_duration_seconds"), new BigDecimal("0.005"));
        Optional<Panel.Thresholds> inflight = Optional.of(new Panel.Thresholds("green", List.of(
                new Panel.Step(new BigDecimal("50"), "orange"), new Panel.Step(new BigDecimal("100"), "red"))));
        Optional<Panel.Thresholds> none = Optional.empty();
        Dashboard rows = new Dashboard("Hatago", List.of(
                new Dashboard.Row("Requests", List.of(
                        panel(PanelType.TIMESERIES, "Request rate",
                                "sum by (route) (rate(hatago_requests_total[5m]))", "{{route}}", none),
                        panel(PanelType.STAT, "In flight", "sum(hatago_inflight_requests)", null, inflight),
                        panel(PanelType.GAUGE, "In flight", "sum(hatago_inflight_requests)", null, inflight))),
                new Dashboard.Row("Plugins", List.of(
                        panel(PanelType.BARGAUGE, "Plugin failures",
                                "sum by (plugin) (increase(hatago_plugin_failures_total[1h]))", "{{plugin}}", none),
                        panel(PanelType.TABLE, "Plugins",
                                "sum by (plugin) (rate(hatago_plugin_events_total[5m]))", null, none),
                        panel(PanelType.STATE_TIMELINE, "Circuit breakers",
                                "max by (plugin) (hatago_circuit_breaker_state)", "{{plugin}}", none)))));
        AlertRule down = new AlertRule("HatagoDown", promql("up{job=\"hatago\"} == 0"), Duration.ofMinutes(1),
                Duration.ZERO, Maps.sorted(Map.of("service", "hatago", "slo", "availability", "severity", "critical")),
                Maps.sorted(Map.of()), HERE);
        Service hatago = new Service("hatago", Maps.sorted(Map.of("team", "platform")), List.of(
                slo("availability", "99.95", requests, List.of(), Optional.of(workbook())),
                slo("latency-p95", "95", latency, List.of("route"), Optional.of(workbook())),
                slo("errors-by-route", "99.9", requests, List.of("route", "method"), Optional.empty())),
                List.of(down), List.of(), Optional.of(rows), HERE);
        Service billing = new Service("billing", Maps.sorted(Map.of()), List.of(
                slo("availability", "99.9", new Sli.Availability(promql("up{job=\"billing\"}")), List.of(),
                        Optional.of(workbook()))), List.of(), List.of(), Optional.empty(), HERE);
        return new Spec(List.of(billing, hatago), List.of(), Optional.empty(), Optional.empty());
    }
}
