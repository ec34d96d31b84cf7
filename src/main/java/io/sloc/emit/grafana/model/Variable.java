package io.sloc.emit.grafana.model;

/**
 * A template variable: the {@code datasource} picker, or a {@code query} variable listing label values.
 * Query variables refresh on time-range change (2) so that values appearing later show up.
 */
public record Variable(
        String type,
        String name,
        String label,
        String query,
        DataSourceRef datasource,
        String definition,
        Integer refresh,
        Integer sort,
        Boolean multi,
        Boolean includeAll,
        String allValue,
        Option current,
        Integer hide) {

    public static final String DATASOURCE = "datasource";

    /** The datasource picker every sloc dashboard has; defaults to the provisioned Prometheus. */
    public static Variable prometheusDatasource(String defaultUid, String defaultName) {
        return new Variable("datasource", DATASOURCE, "Data source", "prometheus", null, null, null, null, null,
                null, null, new Option(defaultName, defaultUid), 0);
    }

    /** Values of {@code label} on the series {@code selector} selects; several or all may be picked. */
    public static Variable labelValues(String label, String selector) {
        String query = "label_values(" + selector + ", " + label + ")";
        return new Variable("query", label, label, query, DataSourceRef.PROMETHEUS_VARIABLE, query, 2, 1, true, true,
                ".*", new Option("All", "$__all"), 0);
    }

    /** A fixed list of values to pick one from, e.g. burn-rate thresholds. */
    public static Variable custom(String name, String label, java.util.List<String> values, String current) {
        return new Variable("custom", name, label, String.join(",", values), null, null, null, null, false, false,
                null, new Option(current, current), 0);
    }

    public record Option(String text, String value) {
    }
}
