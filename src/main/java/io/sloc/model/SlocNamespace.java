package io.sloc.model;

/**
 * The series names sloc reserves for what it compiles from specs: recording rules of level {@code slo}
 * ({@code slo:sli_error:ratio_rate5m}) and the {@code sloc_} info series ({@code sloc_slo_info}). In an sloc project
 * nothing but the specs produces them, so a selector on such a name that no rule records is a mistake, not a series
 * recorded elsewhere.
 */
public final class SlocNamespace {
    public static final String LEVEL_PREFIX = "slo:";
    public static final String INFO_PREFIX = "sloc_";

    private SlocNamespace() {
    }

    public static boolean contains(String metricName) {
        return metricName.startsWith(LEVEL_PREFIX) || metricName.startsWith(INFO_PREFIX);
    }
}
