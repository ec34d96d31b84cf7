package io.sloc.emit.grafana.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The visualizations sloc generates, by Grafana plugin id. */
public enum PanelType {
    TIMESERIES("timeseries"),
    STAT("stat"),
    GAUGE("gauge"),
    BARGAUGE("bargauge"),
    TABLE("table"),
    STATE_TIMELINE("state-timeline");

    private final String pluginId;

    PanelType(String pluginId) {
        this.pluginId = pluginId;
    }

    @JsonValue
    public String pluginId() {
        return pluginId;
    }
}
