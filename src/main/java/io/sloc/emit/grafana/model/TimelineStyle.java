package io.sloc.emit.grafana.model;

/** State timeline field options. */
public record TimelineStyle(int fillOpacity, int lineWidth) implements FieldCustom {
    public static final TimelineStyle DEFAULT = new TimelineStyle(80, 0);
}
