package io.sloc.emit.grafana.model;

import java.math.BigDecimal;
import java.util.List;

/** Field options shared by all visualizations; {@code custom} holds the visualization's own field options. */
public record FieldDefaults(
        String unit,
        Integer decimals,
        BigDecimal min,
        BigDecimal max,
        Thresholds thresholds,
        FieldColor color,
        List<ValueMapping> mappings,
        FieldCustom custom) {

    public FieldDefaults {
        mappings = mappings == null || mappings.isEmpty() ? null : List.copyOf(mappings);
        min = Thresholds.Step.normalized(min);
        max = Thresholds.Step.normalized(max);
    }

    /** A unit, colored by thresholds, no other option set. */
    public static FieldDefaults of(String unit, Thresholds thresholds) {
        return new FieldDefaults(unit, null, null, null, thresholds, FieldColor.THRESHOLDS, null, null);
    }

    public FieldDefaults withRange(BigDecimal newMin, BigDecimal newMax) {
        return new FieldDefaults(unit, decimals, newMin, newMax, thresholds, color, mappings, custom);
    }

    public FieldDefaults withDecimals(int newDecimals) {
        return new FieldDefaults(unit, newDecimals, min, max, thresholds, color, mappings, custom);
    }

    public FieldDefaults withMappings(List<ValueMapping> newMappings) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, color, newMappings, custom);
    }

    public FieldDefaults withCustom(FieldCustom newCustom) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, color, mappings, newCustom);
    }
}
