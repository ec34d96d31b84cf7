package io.sloc.emit.rules;

import java.util.Locale;

/**
 * The deployable form of the rules ({@code --format}). The plain rule files of {@code rules/} are written
 * whatever the format: the generated behaviour tests, {@code sloc check} and promtool read them.
 */
public enum RuleFormat {
    /** Prometheus rule files only. */
    RULES,
    /** Also {@code prometheusrule/<service>.yaml}: a prometheus-operator {@code PrometheusRule} per service. */
    PROMETHEUSRULE,
    /** Also {@code mimir/<service>.yaml}: a Mimir/Cortex ruler namespace file per service, for mimirtool. */
    MIMIR;

    /** The format called {@code name} on the command line ("rules", "prometheusrule", "mimir"), or null. */
    public static RuleFormat forName(String name) {
        for (RuleFormat format : values()) {
            if (format.optionName().equals(name)) {
                return format;
            }
        }
        return null;
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
