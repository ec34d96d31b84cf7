package io.sloc.promql;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version-dependent semantics of PromQL in one place (parser, type checker and engine read it), so that a
 * Prometheus version is one instance rather than switches spread over every operator and function.
 */
public final class PromqlProfile {
    /** Prometheus v2.42: closed range windows and lookback, subquery steps from the first multiple >= start. */
    public static final PromqlProfile V2_42 = new PromqlProfile("2.42", false, Map.of(), Set.of());

    /**
     * Prometheus v3.14: left-open range windows and lookback, holt_winters renamed double_exponential_smoothing,
     * UTF-8 names, metric-name dropping after evaluation, experimental functions behind feature flags.
     */
    public static final PromqlProfile V3_14 = new PromqlProfile("3.14", true,
            Map.of("double_exponential_smoothing", "holt_winters"), Set.of());

    /** The versions a user can pick, by the names the CLI and the Maven goals accept. */
    public static final Map<String, PromqlProfile> BY_NAME = Map.of("3", V3_14, "3.14", V3_14, "2.42", V2_42);

    /** The target when none is named: the current Prometheus. */
    public static final PromqlProfile DEFAULT = V3_14;

    /** promtool's {@code --enable-feature} name for delayed metric-name removal. */
    public static final String DELAYED_NAME_REMOVAL = "promql-delayed-name-removal";

    private final String version;
    private final boolean prometheus3;
    /** Query-language function name to the implementation's name (e.g. a later version's renamed holt_winters). */
    private final Map<String, String> functionRenames;
    /** Feature flags enabled as with promtool's {@code --enable-feature} (e.g. promql-experimental-functions). */
    private final Set<String> features;

    private PromqlProfile(String version, boolean prometheus3, Map<String, String> functionRenames,
                          Set<String> features) {
        this.version = version;
        this.prometheus3 = prometheus3;
        this.functionRenames = Map.copyOf(functionRenames);
        this.features = Set.copyOf(features);
    }

    /** The profile for a version name ("3", "3.14", "2.42"); null when unknown. */
    public static PromqlProfile forName(String name) {
        return BY_NAME.get(name);
    }

    /** This profile with these feature flags enabled as well (promtool's {@code --enable-feature} names). */
    public PromqlProfile withFeatures(Set<String> names) {
        Set<String> all = new TreeSet<>(features);
        all.addAll(names);
        return new PromqlProfile(version, prometheus3, functionRenames, all);
    }

    public boolean featureEnabled(String name) {
        return features.contains(name);
    }

    public Set<String> features() {
        return features;
    }

    /** True for Prometheus 3.x semantics. Prefer a named question below when one fits. */
    public boolean isPrometheus3() {
        return prometheus3;
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
        return prometheus3 ? endMs - rangeMs + 1 : endMs - rangeMs;
    }

    /** Oldest sample timestamp an instant selector at {@code refMs} still sees. */
    public long lookbackFirstTimestamp(long refMs, long lookbackMs) {
        return prometheus3 ? refMs - lookbackMs + 1 : refMs - lookbackMs;
    }

    /**
     * First evaluation timestamp of a subquery: the first multiple of step inside the window (at or after its start
     * in 2.42, after it in 3.x where the window is left-open).
     */
    public long subqueryFirstStep(long windowStartMs, long stepMs) {
        long start = stepMs * (windowStartMs / stepMs);
        long first = rangeWindowFirstTimestamp(windowStartMs, 0);
        while (start < first) {
            start += stepMs;
        }
        return start;
    }

    /** promtool's feature flag under which rate, increase, irate, resets and start_timestamp read start timestamps. */
    public static final String START_TIMESTAMPS_FEATURE = "use-start-timestamps";

    /** Whether functions see samples' start timestamps (counter resets, the zero point of a counter's first sample). */
    public boolean usesStartTimestamps() {
        return prometheus3 && featureEnabled(START_TIMESTAMPS_FEATURE);
    }

    /**
     * 3.x caps rate's extrapolation towards the window start at half a sample interval before cutting it at the
     * counter's zero point; 2.42 cuts at the zero point first, so a far zero point could beat the cap.
     */
    public boolean capsExtrapolationBeforeZeroCutoff() {
        return prometheus3;
    }

    /**
     * 3.x's avg_over_time divides a Kahan sum by the count, switching to an incremental mean only when the sum
     * overflows; 2.42 always computes the incremental mean.
     */
    public boolean averagesOverTimeBySumFirst() {
        return prometheus3;
    }

    /** 3.x's histogram_fraction also reads classic histograms (bucket series); 2.42's only native ones. */
    public boolean fractionsOfClassicHistograms() {
        return prometheus3;
    }

    /**
     * 3.x's histogram_quantile treats relative differences below 1e-12 between bucket counts as float noise, and
     * reports the buckets whose counts it had to raise to make them monotonic.
     */
    public boolean reportsNonMonotonicBuckets() {
        return prometheus3;
    }

    /** Whether {@code anchored} and {@code smoothed} range selectors parse (promql-extended-range-selectors). */
    public boolean extendedRangeSelectors() {
        return prometheus3 && featureEnabled("promql-extended-range-selectors");
    }

    /** Whether {@code fill}, {@code fill_left} and {@code fill_right} binop modifiers parse. */
    public boolean binopFillModifiers() {
        return prometheus3 && featureEnabled("promql-binop-fill-modifiers");
    }

    /** {@code x @ start() [5m]}: 2.42 only rejects an @ timestamp before a range, 3.x start() and end() too. */
    public boolean rejectsStartEndBeforeRange() {
        return prometheus3;
    }

    /** Whether a bad duration unit gets its own message (prometheus/common v0.42+, so Prometheus 3). */
    public boolean namesUnknownDurationUnits() {
        return prometheus3;
    }

    /** 3.x returns warnings and infos beside query results; 2.42 has none. */
    public boolean annotatesResults() {
        return prometheus3;
    }

    /** 2.42 keeps the left-hand metric name on atan2 (a bug 3.x fixed). */
    public boolean atan2DropsMetricName() {
        return prometheus3;
    }

    /** 3.x anchors regexes as {@code ^(?s:re)$}: '.' matches a newline in label matchers and label_replace. */
    public boolean regexDotMatchesNewline() {
        return prometheus3;
    }

    /**
     * 3.x checks vector matching cardinality on samples a comparison filters out too, and reports the duplicate
     * series of a many-to-many error sorted.
     */
    public boolean strictVectorMatching() {
        return prometheus3;
    }

    /** 3.x drops a bool comparison's metric name before adding group_left/group_right labels, 2.42 after. */
    public boolean boolDropsNameBeforeGroupLabels() {
        return prometheus3;
    }

    /** 3.x drops {@code __type__} and {@code __unit__} (schema metadata) wherever it drops the metric name. */
    public boolean dropsMetadataLabels() {
        return prometheus3;
    }

    /** promql-delayed-name-removal: operations mark the metric name to drop, and it is dropped at the query's end. */
    public boolean delayedNameRemoval() {
        return prometheus3 && featureEnabled(DELAYED_NAME_REMOVAL);
    }

    /** 3.x accepts any non-empty UTF-8 metric and label name (quoted in selectors); 2.42 the legacy syntax only. */
    public boolean utf8Names() {
        return prometheus3;
    }

    /** Native histogram values ({@code {{schema:0 count:4 buckets:[1 2 1]}}}) in series descriptions. */
    public boolean nativeHistogramNotation() {
        return prometheus3;
    }

    /**
     * 3.x reads native histograms without their buckets (count, sum and a reset hint detected from them) for selectors
     * that only feed histogram_count, histogram_sum or histogram_avg.
     */
    public boolean readsHistogramStatsOnly() {
        return prometheus3;
    }

    /**
     * Whether the query sample limit counts a native histogram by its size in 16-byte samples (3.x), not as one
     * sample (2.42).
     */
    public boolean countsHistogramsBySize() {
        return prometheus3;
    }

    /**
     * Whether aggregations (but count_values) count their input vectors a second time while gathering them at each
     * step, and their output before it replaces them (2.42, which evaluates them like operators); 3.x only holds the
     * inputs and then the output.
     */
    public boolean aggregationsGatherTheirInputs() {
        return !prometheus3;
    }

    @Override
    public String toString() {
        return "Prometheus " + version + (features.isEmpty() ? "" : " " + features);
    }
}
