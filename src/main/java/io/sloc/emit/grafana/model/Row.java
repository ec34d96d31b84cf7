package io.sloc.emit.grafana.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A row header. sloc writes rows expanded: the row's panels follow it in the dashboard's top-level list (that is
 * how Grafana stores an open row), so {@code panels} stays empty. A row with {@code repeat} is copied by Grafana once
 * per selected value of that template variable, together with the panels below it.
 */
public record Row(Integer id, String title, GridPos gridPos, boolean collapsed, List<GrafanaPanel> panels, String repeat)
        implements DashboardPanel {

    public Row {
        panels = List.copyOf(panels);
    }

    public static Row expanded(String title, String repeat) {
        return new Row(null, title, null, false, List.of(), repeat);
    }

    @JsonProperty("type")
    public String type() {
        return "row";
    }

    @Override
    public Row placed(int newId, GridPos newGridPos) {
        return new Row(newId, title, newGridPos, collapsed, panels, repeat);
    }
}
