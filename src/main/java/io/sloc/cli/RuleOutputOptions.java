package io.sloc.cli;

import io.sloc.pipeline.RuleOutputSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code compile} and {@code check} that say how the rules are named and packaged. */
final class RuleOutputOptions {
    @Option(names = "--naming", paramLabel = "NAMING", defaultValue = "sloc",
            description = "Series, label and alert names of the rules: sloc (default; labels service and slo) or "
                    + "sloth (Sloth's sloth_id, sloth_service, sloth_slo, sloth_window, sloth_slo_info and one alert "
                    + "per severity, for Sloth's Grafana dashboards).")
    String naming;

    @Option(names = "--prometheusrule-namespace", paramLabel = "NAMESPACE",
            description = "Kubernetes namespace of the PrometheusRule objects (default: none, kubectl's).")
    String namespace;

    @Option(names = "--prometheusrule-label", paramLabel = "KEY=VALUE", description = "A label of the "
            + "PrometheusRule objects, e.g. the one a Prometheus's ruleSelector matches. Repeatable.")
    Map<String, String> objectLabels = new LinkedHashMap<>();

    /** With the rule format given by {@code formatOption}; an unknown naming or format is bad input. */
    RuleOutputSettings with(String format, String formatOption) {
        return RuleOutputSettings.of(naming, "--naming", format, formatOption, Optional.ofNullable(namespace),
                objectLabels);
    }
}
