package io.sloc.emit.grafana.model;

import java.util.List;

/** Grafana wraps some arrays in an object: {@code "templating": {"list": [...]}}, {@code "annotations": {...}}. */
public record Listing<T>(List<T> list) {
    public Listing {
        list = List.copyOf(list);
    }
}
