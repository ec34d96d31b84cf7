package io.sloc.promql.ast;

/**
 * Prometheus 3's extended range selectors ({@code promql-extended-range-selectors}): {@code anchored} windows
 * take the last sample before the window as their start value, {@code smoothed} ones interpolate at both edges.
 */
public enum RangeExtension {
    NONE(""), ANCHORED("anchored"), SMOOTHED("smoothed");

    private final String keyword;

    RangeExtension(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
