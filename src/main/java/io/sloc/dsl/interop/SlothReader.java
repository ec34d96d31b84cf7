package io.sloc.dsl.interop;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sloth's specs (github.com/slok/sloth): {@code version: prometheus/v1} files, whose keys are snake_case, and
 * {@code sloth.slok.dev/v1} {@code PrometheusServiceLevel} objects, the same under {@code spec} in camelCase.
 *
 * <p>Sloth's SLO period is 30 days and its alert windows Google's (its {@code google-30d-windows.yaml}): the page
 * alert burns 2% of the budget in 1h (short 5m) or 5% in 6h (30m), the ticket alert 10% in 1d (2h) or 10% in 3d
 * (6h). Each becomes an inline policy of those four windows, named by {@code alerting.name}; a
 * {@code severity} label of {@code page_alert} or {@code ticket_alert} becomes the window's severity (default
 * {@code page} and {@code ticket}, Sloth's {@code sloth_severity}).
 */
final class SlothReader {
    private static final String PERIOD = "30d";
    /** The shortest window sloc records, which a raw SLI's {@code {{.window}}} becomes. */
    private static final String BASE_WINDOW = "5m";

    /** Sloth's two spellings of the same fields. */
    private final boolean camelCase;
    /** Where the file is read with a meaning that differs from Sloth's, for the compiler to warn. */
    private final List<Located<String>> warnings;

    private SlothReader(boolean camelCase, List<Located<String>> warnings) {
        this.camelCase = camelCase;
        this.warnings = warnings;
    }

    /** A {@code version: prometheus/v1} file. */
    static ServiceNode prometheusV1(YamlValue root, List<Located<String>> warnings) {
        root.allowOnly(Set.of("version", "service", "labels", "slos"));
        return new SlothReader(false, warnings).service(root);
    }

    /** A {@code PrometheusServiceLevel} object. */
    static ServiceNode kubernetes(YamlValue root, List<Located<String>> warnings) {
        root.allowOnly(Set.of("apiVersion", "kind", "metadata", "spec"));
        YamlValue spec = root.required("spec").allowOnly(Set.of("service", "labels", "slos"));
        return new SlothReader(true, warnings).service(spec);
    }

    private ServiceNode service(YamlValue spec) {
        List<SloNode> slos = new ArrayList<>();
        for (YamlValue slo : spec.required("slos").items()) {
            slos.add(slo(slo));
        }
        return new ServiceNode(spec.required("service").name(), pairs(spec.field("labels")), null, slos, List.of(),
                List.of(), null, spec.location());
    }

    private SloNode slo(YamlValue slo) {
        slo.allowOnly(Set.of("name", "objective", "description", "labels", "sli", "alerting"));
        YamlValue description = slo.field("description");
        return new SloNode(slo.required("name").name(), description == null ? null : description.located(),
                new Located<>(slo.required("objective").decimal() + "%", slo.required("objective").location()),
                new Located<>(PERIOD, slo.location()), sli(slo.required("sli")), List.of(),
                alertsOff(slo.field("alerting")), policy(slo.field("alerting"), slo.location()), null,
                pairs(slo.field("labels")), slo.location());
    }

    private SliNode sli(YamlValue sli) {
        sli.allowOnly(Set.of("events", "raw", "plugin"));
        sli.unsupported("plugin", "Sloth SLI plugins run Go code sloc does not have; write the plugin's queries "
                + "as sli.events");
        YamlValue raw = sli.field("raw");
        if (raw != null) {
            return rawSli(raw.allowOnly(Set.of(key("error_ratio_query"))));
        }
        YamlValue events = sli.required("events").allowOnly(Set.of(key("error_query"), key("total_query")));
        return new SliNode.Ratio(events.required(key("error_query")).promql(), null,
                events.required(key("total_query")).promql(), events.location());
    }

    /**
     * A raw SLI (an error ratio over {@code {{.window}}}) has no events to weight windows by: it becomes a gauge
     * SLI of the good ratio over the base window, averaged over each longer window, so windows are time-weighted.
     */
    private SliNode rawSli(YamlValue raw) {
        YamlValue errorRatio = raw.required(key("error_ratio_query"));
        warnings.add(new Located<>("a raw SLI has no event counts: its windows longer than " + BASE_WINDOW
                + " are time-weighted averages of " + BASE_WINDOW + " error ratios, not traffic-weighted",
                raw.location()));
        String baseWindow = errorRatio.text().strip().replace("{{.window}}", BASE_WINDOW);
        return new SliNode.Availability(new PromqlText("1 - (\n  " + baseWindow.replace("\n", "\n  ") + "\n)",
                errorRatio.location()), raw.location());
    }

    /** {@code alerting none} when Sloth would raise neither alert. */
    private Located<String> alertsOff(YamlValue alerting) {
        if (alerting != null && disabled(alerting.field(key("page_alert")))
                && disabled(alerting.field(key("ticket_alert")))) {
            return new Located<>("none", alerting.location());
        }
        return null;
    }

    private PolicyNode policy(YamlValue alerting, SourceLocation sloLocation) {
        if (alerting == null) {
            return new PolicyNode(null, windows(null, null, sloLocation), null, null, null, List.of(), List.of(),
                    null, sloLocation);
        }
        alerting.allowOnly(Set.of("name", "labels", "annotations", key("page_alert"), key("ticket_alert")));
        if (alertsOff(alerting) != null) {
            return null;
        }
        YamlValue name = alerting.field("name");
        return new PolicyNode(null, windows(alerting.field(key("page_alert")), alerting.field(key("ticket_alert")),
                alerting.location()), null, null, null, pairs(alerting.field("labels")),
                pairs(alerting.field("annotations")), name == null ? null : name.name(), alerting.location());
    }

    private List<WindowNode> windows(YamlValue page, YamlValue ticket, SourceLocation at) {
        List<WindowNode> windows = new ArrayList<>();
        if (!disabled(page)) {
            windows.add(window("2%", "1h", "5m", "page", page, at));
            windows.add(window("5%", "6h", "30m", "page", page, at));
        }
        if (!disabled(ticket)) {
            windows.add(window("10%", "1d", "2h", "ticket", ticket, at));
            windows.add(window("10%", "3d", "6h", "ticket", ticket, at));
        }
        return windows;
    }

    private WindowNode window(String budget, String longWindow, String shortWindow, String severity,
                              YamlValue alert, SourceLocation defaultAt) {
        SourceLocation at = alert == null ? defaultAt : alert.location();
        YamlValue alertLabels = alert == null ? null : alert.field("labels");
        YamlValue severityLabel = alertLabels == null ? null : alertLabels.field("severity");
        Located<String> severityName = severityLabel == null ? new Located<>(severity, at) : severityLabel.name();
        List<Pair> labels = pairs(alertLabels).stream().filter(l -> !l.name().value().equals("severity")).toList();
        return new WindowNode(new Located<>(budget, at), null, new Located<>(longWindow, at),
                new Located<>(shortWindow, at), severityName, null, null, labels,
                pairs(alert == null ? null : alert.field("annotations")), at);
    }

    private static boolean disabled(YamlValue alert) {
        if (alert == null) {
            return false;
        }
        alert.allowOnly(Set.of("disable", "labels", "annotations"));
        YamlValue disable = alert.field("disable");
        return disable != null && disable.bool();
    }

    private static List<Pair> pairs(YamlValue mapping) {
        return mapping == null ? List.of() : mapping.pairs();
    }

    /** A prometheus/v1 key as this flavour spells it: {@code error_query} or {@code errorQuery}. */
    private String key(String snakeCase) {
        if (!camelCase) {
            return snakeCase;
        }
        StringBuilder camel = new StringBuilder();
        for (String part : snakeCase.split("_")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }
}
