package io.sloc.emit.grafana.model;

/** An entry of a dashboard's top-level {@code panels}: a visualization or a row header. */
public sealed interface DashboardPanel permits GrafanaPanel, Row {

    /** Unique within a dashboard; {@code null} until the grid layout assigns it. */
    Integer id();

    /** {@code null} until the grid layout places the panel. */
    GridPos gridPos();

    DashboardPanel placed(int id, GridPos gridPos);
}
