package io.sloc.emit.grafana.model;

import java.util.Map;
import java.util.TreeMap;

/** A value mapping of type {@code value}: exact values shown as a text in a color (e.g. 1 as FIRING in red). */
public record ValueMapping(String type, Map<String, Result> options) {
    public ValueMapping {
        options = new TreeMap<>(options);
    }

    public static ValueMapping values(Map<String, Result> byValue) {
        return new ValueMapping("value", byValue);
    }

    public record Result(String text, String color, int index) {
    }
}
