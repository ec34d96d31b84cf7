package io.sloc.golang.fmt;

import java.util.List;
import java.util.Map;

/**
 * How Java values stand for Go values in formatting and templates: {@code null} is nil, {@link Boolean} bool,
 * {@link Long}/{@link Integer} int, {@link Double} float64, {@link String} string, {@link Map} a
 * {@code map[string]string} ({@link GoInterfaceMap} a {@code map[string]interface{}}; printed and ranged in sorted key
 * order), {@link List} a slice; other types implement this interface.
 *
 * <p>Follows Go 1.19's {@code fmt} and {@code reflect} type names (the toolchain of promtool 2.42, go1.19.8).
 */
public interface GoValue {
    /** The Go type name printed by {@code %T} and in fmt's error forms, e.g. {@code *template.sample}. */
    public String goTypeName();

    /** The value as {@code %v} prints it. */
    public String goString();

    /** The Go type name of any supported value. */
    public static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof GoValue g) {
            return g.goTypeName();
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Map<?, ?>) {
            return value instanceof GoInterfaceMap ? "map[string]interface {}" : "map[string]string";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        return value.getClass().getSimpleName();
    }
}
