package io.sloc.model;

import java.util.List;

/**
 * The hand-declared part of a service's dashboard: rows of panels, in spec order. The dashboard emitter adds
 * generated SLO rows itself; this model carries only what the spec wrote.
 *
 * @param title the dashboard title (defaults to the service name)
 */
public record Dashboard(String title, List<Row> rows) {
    public Dashboard {
        rows = List.copyOf(rows);
    }

    /** A titled row of panels. */
    public record Row(String title, List<Panel> panels) {
        public Row {
            panels = List.copyOf(panels);
        }
    }
}
