package io.sloc.emit.grafana;

import io.sloc.emit.grafana.model.FieldConfig;
import io.sloc.emit.grafana.model.FieldDefaults;
import io.sloc.emit.grafana.model.FieldOverride;
import io.sloc.emit.grafana.model.GrafanaPanel;
import io.sloc.emit.grafana.model.GraphStyle;
import io.sloc.emit.grafana.model.GridPos;
import io.sloc.emit.grafana.model.PanelOptions;
import io.sloc.emit.grafana.model.Target;
import io.sloc.emit.grafana.model.TimelineStyle;
import io.sloc.emit.grafana.model.Transformation;
import io.sloc.model.PanelType;
import java.util.List;

/**
 * Builds panels with sloc's defaults per visualization: sizes, options, drawing style, and whether queries are
 * instant (one current value: stat, gauge, bar gauge, table) or ranges (series over time).
 */
final class Panels {
    /** Burn rates are multiples of the sustainable rate: Grafana's custom-suffix unit shows them as "14.4x". */
    static final String BURN_UNIT = "suffix:x";

    private Panels() {
    }

    static int defaultWidth(PanelType type) {
        return switch (type) {
            case STAT -> 4;
            case GAUGE -> 6;
            case TIMESERIES, BARGAUGE, TABLE -> 12;
            case STATE_TIMELINE -> 24;
        };
    }

    static int defaultHeight(PanelType type) {
        return switch (type) {
            case STAT -> 4;
            case GAUGE, STATE_TIMELINE -> 6;
            case TIMESERIES, BARGAUGE, TABLE -> 8;
        };
    }

    static boolean isInstant(PanelType type) {
        return type == PanelType.STAT || type == PanelType.GAUGE || type == PanelType.BARGAUGE
                || type == PanelType.TABLE;
    }

    /** A query shaped for the panel type: instant for current values, table format for tables. */
    static Target query(PanelType type, String expr, String legend) {
        if (type == PanelType.TABLE) {
            return Target.table(expr);
        }
        return isInstant(type) ? Target.instant(expr, legend) : Target.range(expr, legend);
    }

    static PanelOptions defaultOptions(PanelType type) {
        return switch (type) {
            case STAT -> PanelOptions.Stat.background();
            case GAUGE -> PanelOptions.Gauge.withMarkers();
            case BARGAUGE -> PanelOptions.BarGauge.horizontal();
            case TABLE -> new PanelOptions.Table(0, true, "sm", List.of());
            case TIMESERIES -> PanelOptions.TimeSeries.withLegend(PanelOptions.Legend.LIST_BOTTOM);
            case STATE_TIMELINE -> PanelOptions.StateTimeline.standard();
        };
    }

    /** Series panels get their drawing style unless the caller set one. */
    static FieldDefaults withDefaultStyle(PanelType type, FieldDefaults defaults) {
        if (defaults.custom() != null) {
            return defaults;
        }
        return switch (type) {
            case TIMESERIES -> defaults.withCustom(GraphStyle.lines(10));
            case STATE_TIMELINE -> defaults.withCustom(TimelineStyle.DEFAULT);
            default -> defaults;
        };
    }

    static GrafanaPanel create(PanelType type, String title, String description, int width, int height,
                        List<Target> targets, FieldDefaults defaults) {
        return create(type, title, description, width, height, targets, defaults, List.of(), defaultOptions(type),
                List.of());
    }

    static GrafanaPanel create(PanelType type, String title, String description, int width, int height,
                        List<Target> targets, FieldDefaults defaults, List<FieldOverride> overrides,
                        PanelOptions options, List<Transformation> transformations) {
        return GrafanaPanel.of(type, title, description, new GridPos(height, width, 0, 0), targets,
                new FieldConfig(withDefaultStyle(type, defaults), overrides), options, transformations);
    }
}
