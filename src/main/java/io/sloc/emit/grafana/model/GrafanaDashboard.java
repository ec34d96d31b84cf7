package io.sloc.emit.grafana.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A classic-model dashboard. {@code id} and {@code version} are deliberately absent: they are instance-specific and
 * would make provisioned files differ between Grafanas.
 */
public record GrafanaDashboard(
        String uid,
        String title,
        String description,
        List<String> tags,
        String timezone,
        boolean editable,
        int graphTooltip,
        TimeRange time,
        String refresh,
        int schemaVersion,
        List<DashboardPanel> panels,
        Listing<Variable> templating,
        Listing<Annotation> annotations,
        List<Link> links) {

    /** The schema version of Grafana 12.3's classic model. */
    public static final int SCHEMA_VERSION = 42;
    /** Shared crosshair across the panels of a dashboard. */
    public static final int SHARED_CROSSHAIR = 1;

    public GrafanaDashboard {
        tags = List.copyOf(tags);
        panels = List.copyOf(panels);
        links = List.copyOf(links);
    }

    /**
     * A dashboard as sloc generates them: read-only (the spec is the source), shared crosshair, the last 7 days
     * refreshed every minute, Grafana's built-in annotation first, then {@code annotations}.
     */
    public static GrafanaDashboard generated(String uid, String title, String description, List<String> tags,
                                      List<DashboardPanel> panels, List<Variable> variables,
                                      List<Annotation> annotations, List<Link> links) {
        List<Annotation> allAnnotations = new ArrayList<>();
        allAnnotations.add(Annotation.BUILT_IN);
        allAnnotations.addAll(annotations);
        return new GrafanaDashboard(uid, title, description, tags, "browser", false, SHARED_CROSSHAIR,
                new TimeRange("now-7d", "now"), "1m", SCHEMA_VERSION, panels, new Listing<>(variables),
                new Listing<>(allAnnotations), links);
    }

    /** Time range relative to now, e.g. {@code now-7d} .. {@code now}. */
    public record TimeRange(String from, String to) {
    }
}
