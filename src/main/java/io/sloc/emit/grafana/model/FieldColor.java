package io.sloc.emit.grafana.model;

/** How a field picks its color: from thresholds, from the classic palette, or one fixed color. */
public record FieldColor(String mode, String fixedColor) {
    public static final FieldColor THRESHOLDS = new FieldColor("thresholds", null);
    public static final FieldColor PALETTE = new FieldColor("palette-classic", null);

    public static FieldColor fixed(String color) {
        return new FieldColor("fixed", color);
    }
}
