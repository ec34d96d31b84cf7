package io.sloc.emit.grafana.model;

import java.util.Map;
import java.util.TreeMap;

/** A data transformation applied in Grafana after the queries, e.g. {@code organize} to rename table columns. */
public record Transformation(String id, Map<String, Object> options) {
    public Transformation {
        options = new TreeMap<>(options);
    }

    /** Hides and renames table columns; {@code renames} maps a field name to its header. */
    public static Transformation organize(Map<String, Boolean> excluded, Map<String, String> renames) {
        return new Transformation("organize", Map.of(
                "excludeByName", new TreeMap<>(excluded),
                "renameByName", new TreeMap<>(renames)));
    }
}
