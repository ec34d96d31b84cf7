package io.sloc.dsl.interop;

import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pyrra's {@code pyrra.dev/v1alpha1} {@code ServiceLevelObjective} (github.com/pyrra-dev/pyrra). Pyrra has no
 * services: each object becomes a service and an SLO both named by {@code metadata.name} (Pyrra's {@code slo}
 * label). Indicators: {@code ratio} (errors and total), {@code latency} (the success bucket is the good count),
 * {@code latencyNative} (a native histogram and a threshold) and {@code bool_gauge} (a 0/1 gauge), each with its
 * {@code grouping}. Alerts follow Pyrra's four windows, scaled from its 28-day ones to the SLO's window and rounded
 * to the minute as Pyrra rounds them, under Pyrra's alert name {@code ErrorBudgetBurn} unless
 * {@code alerting.name} says otherwise.
 */
final class PyrraReader {
    private static final String ALERT_NAME = "ErrorBudgetBurn";

    private PyrraReader() {
    }

    static ServiceNode serviceLevelObjective(YamlValue root) {
        root.allowOnly(Set.of("apiVersion", "kind", "metadata", "spec"));
        Located<String> name = root.required("metadata").required("name").name();
        YamlValue spec = root.required("spec").allowOnly(Set.of("target", "window", "description", "indicator",
                "alerting"));
        YamlValue description = spec.field("description");
        YamlValue window = spec.required("window");
        YamlValue indicator = spec.required("indicator").allowOnly(Set.of("ratio", "latency", "latencyNative",
                "bool_gauge"));
        SloNode slo = new SloNode(name, description == null || description.text().isEmpty() ? null
                : description.located(), new Located<>(spec.required("target").decimal() + "%",
                spec.required("target").location()), window.located(), sli(indicator), grouping(indicator),
                alertsOff(spec.field("alerting")), policy(spec.field("alerting"), window), null, List.of(),
                root.location());
        return new ServiceNode(name, List.of(), null, List.of(slo), List.of(), List.of(), null, root.location());
    }

    private static SliNode sli(YamlValue indicator) {
        YamlValue ratio = indicator.field("ratio");
        if (ratio != null) {
            ratio.allowOnly(Set.of("errors", "total", "grouping"));
            return new SliNode.Ratio(metric(ratio.required("errors")), null, metric(ratio.required("total")),
                    ratio.location());
        }
        YamlValue latency = indicator.field("latency");
        if (latency != null) {
            latency.allowOnly(Set.of("success", "total", "grouping"));
            return new SliNode.Ratio(null, metric(latency.required("success")), metric(latency.required("total")),
                    latency.location());
        }
        YamlValue nativeLatency = indicator.field("latencyNative");
        if (nativeLatency != null) {
            nativeLatency.allowOnly(Set.of("latency", "total", "grouping"));
            return new SliNode.Latency(null, metric(nativeLatency.required("total")),
                    nativeLatency.required("latency").located(), null, nativeLatency.location());
        }
        YamlValue gauge = indicator.field("bool_gauge");
        if (gauge == null) {
            throw indicator.error("missing indicator: one of ratio, latency, latencyNative, bool_gauge");
        }
        gauge.allowOnly(Set.of("metric", "grouping"));
        return new SliNode.Availability(gauge.required("metric").promql(), gauge.location());
    }

    private static PromqlText metric(YamlValue query) {
        return query.allowOnly(Set.of("metric")).required("metric").promql();
    }

    private static List<Located<String>> grouping(YamlValue indicator) {
        YamlValue kind = indicator.entries().values().iterator().next();
        YamlValue grouping = kind.field("grouping");
        return grouping == null ? List.of() : grouping.items().stream().map(YamlValue::name).toList();
    }

    private static Located<String> alertsOff(YamlValue alerting) {
        if (alerting == null) {
            return null;
        }
        alerting.allowOnly(Set.of("disabled", "name", "burnrates", "absent"));
        YamlValue absent = alerting.field("absent");
        if (absent != null && absent.bool()) {
            throw absent.error("not supported: sloc raises no alerts for absent metrics; set it to false");
        }
        YamlValue disabled = alerting.field("disabled");
        YamlValue burnRates = alerting.field("burnrates");
        boolean off = disabled != null && disabled.bool() || burnRates != null && !burnRates.bool();
        return off ? new Located<>("none", alerting.location()) : null;
    }

    private static PolicyNode policy(YamlValue alerting, YamlValue window) {
        if (alertsOff(alerting) != null) {
            return null;
        }
        YamlValue name = alerting == null ? null : alerting.field("name");
        Duration period = WindowDurations.parse(window);
        Located<String> alertName = name == null ? new Located<>(ALERT_NAME, window.location()) : name.name();
        List<WindowNode> windows = new ArrayList<>();
        // Pyrra's windows for 28 days: 1h/5m x14 and 6h/30m x7 critical, 1d/2h x2 and 4d/6h x1 warning.
        windows.add(window(period, 672, 8064, 20160, "14", "critical", window));
        windows.add(window(period, 112, 1344, 2688, "7", "critical", window));
        windows.add(window(period, 28, 336, 672, "2", "warning", window));
        windows.add(window(period, 7, 112, 224, "1", "warning", window));
        return new PolicyNode(null, windows, null, null, null, List.of(), List.of(), alertName, window.location());
    }

    /** A window whose long, short and {@code for} durations are the period divided by the given numbers. */
    private static WindowNode window(Duration period, int longDivisor, int shortDivisor, int forDivisor,
                                     String factor, String severity, YamlValue at) {
        return new WindowNode(null, new Located<>(factor, at.location()), text(period, longDivisor, at),
                text(period, shortDivisor, at), new Located<>(severity, at.location()),
                text(period, forDivisor, at), null, List.of(), List.of(), at.location());
    }

    private static Located<String> text(Duration period, int divisor, YamlValue at) {
        return WindowDurations.minutes(period.dividedBy(divisor), at);
    }
}
