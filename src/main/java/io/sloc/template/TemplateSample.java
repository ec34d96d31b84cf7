package io.sloc.template;

import io.sloc.golang.fmt.GoPrintf;
import io.sloc.golang.fmt.GoValue;
import java.util.Map;
import java.util.TreeMap;

/** Prometheus's template {@code *sample}: one element of a query result (labels include {@code __name__}). */
public record TemplateSample(Map<String, String> labels, double value) implements GoValue {
    public TemplateSample {
        labels = new TreeMap<>(labels);
    }

    @Override
    public String goTypeName() {
        return "*template.sample";
    }

    /** fmt prints a pointer to a struct at top level as {@code &{...}}. */
    @Override
    public String goString() {
        return "&" + structString();
    }

    /** The struct itself, as text/template prints it after dereferencing. */
    String structString() {
        return "{" + GoPrintf.sprint(labels) + " " + GoPrintf.sprint(value) + "}";
    }
}
