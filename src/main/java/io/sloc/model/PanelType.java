package io.sloc.model;

import java.util.Arrays;
import java.util.Optional;

/** The panel types the DSL offers, with their Grafana plugin ids. */
public enum PanelType {
    TIMESERIES("timeseries"),
    STAT("stat"),
    GAUGE("gauge"),
    BARGAUGE("bargauge"),
    TABLE("table"),
    STATE_TIMELINE("state-timeline");

    private final String grafanaId;

    PanelType(String grafanaId) {
        this.grafanaId = grafanaId;
    }

    /** The spelling used in the DSL and Grafana's {@code type} field. */
    public String grafanaId() {
        return grafanaId;
    }

    public static Optional<PanelType> fromGrafanaId(String id) {
        return Arrays.stream(values()).filter(t -> t.grafanaId.equals(id)).findFirst();
    }
}
