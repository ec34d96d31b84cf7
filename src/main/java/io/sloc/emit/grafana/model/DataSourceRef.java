package io.sloc.emit.grafana.model;

/** Points panels at a datasource; sloc always uses the dashboard's {@code datasource} variable. */
public record DataSourceRef(String type, String uid) {
    public static final DataSourceRef PROMETHEUS_VARIABLE = new DataSourceRef("prometheus", "${datasource}");
    public static final DataSourceRef GRAFANA_BUILT_IN = new DataSourceRef("grafana", "-- Grafana --");
}
