package io.sloc.cli;

import io.sloc.pipeline.RuleOutputSettings;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/** The options of {@code compile} and {@code check} that say how the rules are named and packaged. */
final class RuleOutputOptions {
    private final OptionSpec format;
    private final OptionSpec naming;
    private final OptionSpec namespace;
    private final OptionSpec objectLabels;

    /** Adds the options to {@code model}; the rule format is {@code formatOption} (check's --format is taken). */
    RuleOutputOptions(CommandModel model, String formatOption, String formatDescription) {
        format = model.option(OptionSpec.builder(formatOption).paramLabel("FORMAT").defaultValue("rules")
                .type(String.class).description(formatDescription));
        naming = model.option(OptionSpec.builder("--naming").paramLabel("NAMING").defaultValue("sloc")
                .type(String.class).description("Series, label and alert names of the rules: sloc (default; labels "
                        + "service and slo) or sloth (Sloth's sloth_id, sloth_service, sloth_slo, sloth_window, "
                        + "sloth_slo_info and one alert per severity, for Sloth's Grafana dashboards)."));
        namespace = model.option(OptionSpec.builder("--prometheusrule-namespace").paramLabel("NAMESPACE")
                .type(String.class)
                .description("Kubernetes namespace of the PrometheusRule objects (default: none, kubectl's)."));
        objectLabels = model.option(OptionSpec.builder("--prometheusrule-label").paramLabel("KEY=VALUE")
                .type(Map.class).auxiliaryTypes(String.class, String.class)
                .description("A label of the PrometheusRule objects, e.g. the one a Prometheus's ruleSelector "
                        + "matches. Repeatable."));
    }

    /** The parsed settings; an unknown naming or format is bad input. */
    RuleOutputSettings settings() {
        Map<String, String> labels = objectLabels.getValue();
        return RuleOutputSettings.of(naming.getValue(), "--naming", format.getValue(), format.longestName(),
                Optional.ofNullable(namespace.getValue()), labels == null ? Map.of() : labels);
    }
}
