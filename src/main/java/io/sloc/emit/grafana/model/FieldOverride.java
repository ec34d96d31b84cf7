package io.sloc.emit.grafana.model;

import java.util.List;

/** Field options for the fields a matcher selects, e.g. the series named "Objective". */
public record FieldOverride(Matcher matcher, List<Property> properties) {
    public FieldOverride {
        properties = List.copyOf(properties);
    }

    public static FieldOverride byName(String fieldName, List<Property> properties) {
        return new FieldOverride(new Matcher("byName", fieldName), properties);
    }

    /** For the fields of one query of the panel, by its refId. */
    public static FieldOverride byQuery(String refId, List<Property> properties) {
        return new FieldOverride(new Matcher("byFrameRefID", refId), properties);
    }

    public record Matcher(String id, String options) {
    }

    /** {@code value} is a string, number or one of this model's records, as the property id demands. */
    public record Property(String id, Object value) {
    }
}
