package io.sloc.emit.grafana.model;

/** An annotation query: Grafana's built-in one, or Prometheus series drawn as event markers. */
public record Annotation(
        String name,
        DataSourceRef datasource,
        boolean enable,
        boolean hide,
        String iconColor,
        Integer builtIn,
        String type,
        String expr,
        String step,
        String titleFormat,
        String textFormat,
        String tagKeys) {

    /** The "Annotations & Alerts" entry Grafana adds to every dashboard. */
    public static final Annotation BUILT_IN = new Annotation("Annotations & Alerts", DataSourceRef.GRAFANA_BUILT_IN,
            true, true, "rgba(0, 211, 255, 1)", 1, "dashboard", null, null, null, null, null);

    /** Marks where {@code expr} has samples, e.g. where {@code ALERTS{alertstate="firing"}} is present. */
    public static Annotation prometheus(String name, String iconColor, String expr, String titleFormat,
                                        String textFormat, String tagKeys) {
        return new Annotation(name, DataSourceRef.PROMETHEUS_VARIABLE, true, false, iconColor, null, null, expr,
                "1m", titleFormat, textFormat, tagKeys);
    }
}
