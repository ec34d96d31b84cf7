package io.sloc.emit.grafana.model;

/** The field options that only one visualization understands ({@code fieldConfig.defaults.custom}). */
public sealed interface FieldCustom permits GraphStyle, TimelineStyle {
}
