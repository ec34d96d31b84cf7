package io.sloc.emit.grafana.model;

/**
 * A Prometheus query of a panel. {@code instant} queries evaluate once at the end of the range (stat, gauge,
 * bargauge, table); range queries draw series over time.
 */
public record Target(String refId, String expr, String legendFormat, Boolean instant, Boolean range, String format,
                     String editorMode) {

    public static Target range(String expr, String legendFormat) {
        return new Target(null, expr, legendFormat, false, true, "time_series", "code");
    }

    public static Target instant(String expr, String legendFormat) {
        return new Target(null, expr, legendFormat, true, false, "time_series", "code");
    }

    /** An instant query in table format: one row per series, one column per label. */
    public static Target table(String expr) {
        return new Target(null, expr, null, true, false, "table", "code");
    }

    /** The refId of a panel's query at {@code index}: A..Z, then AA, AB... */
    public static String refIdAt(int index) {
        String letters = "";
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters = (char) ('A' + i % 26) + letters;
        }
        return letters;
    }

    public Target withRefId(String newRefId) {
        return new Target(newRefId, expr, legendFormat, instant, range, format, editorMode);
    }
}
