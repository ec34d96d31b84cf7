package io.sloc.promql.engine;

import java.util.Map;

/**
 * The version-dependent semantics of PromQL in one place, so that another Prometheus version's profile can be added
 * without touching every operator and function.
 */
public final class PromqlProfile {
    /** Prometheus v2.42: closed range windows and lookback, subquery steps from the first multiple >= start. */
    public static final PromqlProfile V2_42 = new PromqlProfile("2.42", false, false, false, Map.of());

    private final String version;
    private final boolean leftOpenRangeWindows;
    private final boolean leftOpenLookback;
    private final boolean atan2DropsMetricName;
    /** Query-language function name to the implementation's name (e.g. a later version's renamed holt_winters). */
    private final Map<String, String> functionRenames;

    private PromqlProfile(String version, boolean leftOpenRangeWindows, boolean leftOpenLookback,
                          boolean atan2DropsMetricName, Map<String, String> functionRenames) {
        this.version = version;
        this.leftOpenRangeWindows = leftOpenRangeWindows;
        this.leftOpenLookback = leftOpenLookback;
        this.atan2DropsMetricName = atan2DropsMetricName;
        this.functionRenames = Map.copyOf(functionRenames);
    }

    /** The implementation-table name for a function as written in a query. */
    public String implementationName(String functionName) {
        return functionRenames.getOrDefault(functionName, functionName);
    }

    public String version() {
        return version;
    }

    /** First timestamp inside a range window {@code [end - range, end]} (or {@code (end - range, end]}). */
    public long rangeWindowFirstTimestamp(long endMs, long rangeMs) {
        return leftOpenRangeWindows ? endMs - rangeMs + 1 : endMs - rangeMs;
    }

    /** Oldest sample timestamp an instant selector at {@code refMs} still sees. */
    public long lookbackFirstTimestamp(long refMs, long lookbackMs) {
        return leftOpenLookback ? refMs - lookbackMs + 1 : refMs - lookbackMs;
    }

    /** First evaluation timestamp of a subquery: the first multiple of step at or after (2.42) the window start. */
    public long subqueryFirstStep(long windowStartMs, long stepMs) {
        long start = stepMs * (windowStartMs / stepMs);
        long first = rangeWindowFirstTimestamp(windowStartMs, 0);
        while (start < first) {
            start += stepMs;
        }
        return start;
    }

    public boolean atan2DropsMetricName() {
        return atan2DropsMetricName;
    }

    @Override
    public String toString() {
        return "PromQL " + version;
    }
}
