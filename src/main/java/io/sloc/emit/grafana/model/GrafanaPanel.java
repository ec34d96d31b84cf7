package io.sloc.emit.grafana.model;

import io.sloc.model.PanelType;
import java.util.ArrayList;
import java.util.List;

/**
 * A visualization panel. Build it unplaced ({@code id} and {@code gridPos} null) with {@link #of} and let
 * {@link io.sloc.emit.grafana.GridLayout} place it. {@code size} is the wanted width and height, kept out of the JSON.
 */
public record GrafanaPanel(
        PanelType type,
        Integer id,
        String title,
        String description,
        DataSourceRef datasource,
        GridPos gridPos,
        List<Target> targets,
        FieldConfig fieldConfig,
        PanelOptions options,
        List<Transformation> transformations,
        List<Link> links)
        implements DashboardPanel {

    public GrafanaPanel {
        targets = withRefIds(targets);
        transformations = transformations == null || transformations.isEmpty() ? null : List.copyOf(transformations);
        links = links == null || links.isEmpty() ? null : List.copyOf(links);
        if (options.panelType() != type) {
            throw new IllegalArgumentException(
                    type.grafanaId() + " panel given " + options.panelType().grafanaId() + " options");
        }
    }

    /** An unplaced Prometheus panel; {@code gridPos} carries only the wanted size (x and y are ignored). */
    public static GrafanaPanel of(PanelType type, String title, String description, GridPos size, List<Target> targets,
                           FieldConfig fieldConfig, PanelOptions options, List<Transformation> transformations) {
        return new GrafanaPanel(type, null, title, description, DataSourceRef.PROMETHEUS_VARIABLE, size, targets,
                fieldConfig, options, transformations, null);
    }

    @Override
    public GrafanaPanel placed(int newId, GridPos newGridPos) {
        return new GrafanaPanel(type, newId, title, description, datasource, newGridPos, targets, fieldConfig, options,
                transformations, links);
    }

    /** The same panel with links in its header (e.g. to a runbook). */
    public GrafanaPanel withLinks(List<Link> newLinks) {
        return new GrafanaPanel(type, id, title, description, datasource, gridPos, targets, fieldConfig, options,
                transformations, newLinks);
    }

    /** Queries are lettered A, B, C... in order, which keeps refIds unique within the panel. */
    private static List<Target> withRefIds(List<Target> targets) {
        List<Target> lettered = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            lettered.add(targets.get(i).withRefId(Target.refIdAt(i)));
        }
        return List.copyOf(lettered);
    }
}
