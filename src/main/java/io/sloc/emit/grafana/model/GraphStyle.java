package io.sloc.emit.grafana.model;

import java.util.List;

/**
 * Time series drawing options. {@code thresholdsStyle} draws the field's thresholds onto the graph, which is how
 * burn-rate alert thresholds appear as lines without extra queries.
 */
public record GraphStyle(String drawStyle, int lineWidth, int fillOpacity, String showPoints, boolean spanNulls,
                         ThresholdsStyle thresholdsStyle) implements FieldCustom {

    public static GraphStyle lines(int fillOpacity) {
        return new GraphStyle("line", 1, fillOpacity, "never", false, new ThresholdsStyle("off"));
    }

    public GraphStyle withThresholdsDrawn(String mode) {
        return new GraphStyle(drawStyle, lineWidth, fillOpacity, showPoints, spanNulls, new ThresholdsStyle(mode));
    }

    /** {@code off}, {@code line}, {@code dashed}, {@code area}, {@code line+area} or {@code dashed+area}. */
    public record ThresholdsStyle(String mode) {
    }

    /** A dashed line, used for constant reference series such as the objective. */
    public record LineStyle(String fill, List<Integer> dash) {
        public static final LineStyle DASHED = new LineStyle("dash", List.of(10, 10));
    }
}
