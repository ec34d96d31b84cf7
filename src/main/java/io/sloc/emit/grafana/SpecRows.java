package io.sloc.emit.grafana;

import io.sloc.emit.grafana.GridLayout.Section;
import io.sloc.emit.grafana.model.FieldColor;
import io.sloc.emit.grafana.model.FieldDefaults;
import io.sloc.emit.grafana.model.GrafanaPanel;
import io.sloc.emit.grafana.model.GraphStyle;
import io.sloc.emit.grafana.model.Row;
import io.sloc.emit.grafana.model.Target;
import io.sloc.emit.grafana.model.Thresholds;
import io.sloc.model.Dashboard;
import io.sloc.model.Panel;
import io.sloc.model.PanelType;
import java.util.List;

/**
 * The rows a spec declares in its {@code dashboard} block (e.g. Hatago's request and plugin rows), turned into
 * Grafana rows. Unset options fall back to the per-type defaults of {@link Panels}; a time series with thresholds
 * draws them as dashed lines.
 */
final class SpecRows {
    private SpecRows() {
    }

    static List<Section> sections(Dashboard dashboard) {
        return dashboard.rows().stream()
                .map(row -> new Section(Row.expanded(row.title(), null),
                        row.panels().stream().map(SpecRows::panel).toList()))
                .toList();
    }

    static GrafanaPanel panel(Panel spec) {
        PanelType type = spec.type();
        List<Target> targets = spec.queries().stream()
                .map(q -> Panels.query(type, q.expr().text(), q.legend().orElse(null)))
                .toList();
        Thresholds thresholds = spec.thresholds().map(SpecRows::thresholds).orElse(Thresholds.base("green"));
        FieldDefaults defaults = new FieldDefaults(spec.unit().orElse("short"), null, spec.min().orElse(null),
                spec.max().orElse(null), thresholds,
                type == PanelType.TIMESERIES ? FieldColor.PALETTE : FieldColor.THRESHOLDS, null, null);
        if (type == PanelType.TIMESERIES && spec.thresholds().isPresent()) {
            defaults = defaults.withCustom(GraphStyle.lines(10).withThresholdsDrawn("dashed"));
        }
        int width = spec.width().orElse(Panels.defaultWidth(type));
        return Panels.create(type, spec.title(), spec.description().orElse(null), width, Panels.defaultHeight(type),
                targets, defaults);
    }

    private static Thresholds thresholds(Panel.Thresholds spec) {
        Thresholds thresholds = Thresholds.base(spec.baseColour());
        for (Panel.Step step : spec.steps()) {
            thresholds = thresholds.then(step.value(), step.colour());
        }
        return thresholds;
    }
}
