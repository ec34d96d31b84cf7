package io.sloc.emit.grafana.model;

import java.util.List;

/** How values are displayed: defaults for every field, then overrides for fields matched by name. */
public record FieldConfig(FieldDefaults defaults, List<FieldOverride> overrides) {
    public FieldConfig {
        overrides = List.copyOf(overrides);
    }
}
