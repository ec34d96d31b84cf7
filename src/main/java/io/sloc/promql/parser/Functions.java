package io.sloc.promql.parser;

import static io.sloc.promql.ast.ValueType.MATRIX;
import static io.sloc.promql.ast.ValueType.SCALAR;
import static io.sloc.promql.ast.ValueType.STRING;
import static io.sloc.promql.ast.ValueType.VECTOR;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.ValueType;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signatures of every PromQL function of Prometheus 2.42 and 3.14 (promql/parser/functions.go of each), with the
 * 3.x functions that are experimental, which parse only with the {@code promql-experimental-functions} feature.
 */
public final class Functions {
    /** promtool's {@code --enable-feature} name that enables experimental functions. */
    public static final String EXPERIMENTAL_FEATURE = "promql-experimental-functions";
    private static final Map<String, FunctionSignature> SIGNATURES;
    /** Functions Prometheus 3.14 added (stable or experimental) and those it removed. */
    private static final Map<String, FunctionSignature> ADDED_IN_3;
    private static final Set<String> EXPERIMENTAL_IN_3 = Set.of("double_exponential_smoothing",
            "end", "histogram_quantiles", "info", "mad_over_time", "max_of", "min_of", "range", "sort_by_label",
            "sort_by_label_desc", "start", "start_timestamp", "step", "ts_of_first_over_time",
            "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time");
    private static final Set<String> REMOVED_IN_3 = Set.of("holt_winters");

    static {
        Map<String, FunctionSignature> table = new TreeMap<>();
        for (String name : List.of("abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "deg", "rad",
                "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
                "absent", "sort", "sort_desc", "timestamp", "histogram_count", "histogram_sum")) {
            add(table, name, List.of(VECTOR), 0, VECTOR);
        }
        for (String name : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets",
                "absent_over_time", "present_over_time", "avg_over_time", "count_over_time", "last_over_time",
                "max_over_time", "min_over_time", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            add(table, name, List.of(MATRIX), 0, VECTOR);
        }
        for (String name : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            // The vector argument is optional: vector(time()) by default.
            add(table, name, List.of(VECTOR), 1, VECTOR);
        }
        add(table, "clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR);
        add(table, "clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR);
        add(table, "clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR);
        add(table, "round", List.of(VECTOR, SCALAR), 1, VECTOR);
        add(table, "histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR);
        add(table, "histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR);
        add(table, "holt_winters", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR);
        add(table, "label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR);
        add(table, "label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR);
        add(table, "predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR);
        add(table, "quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR);
        add(table, "scalar", List.of(VECTOR), 0, SCALAR);
        add(table, "vector", List.of(SCALAR), 0, VECTOR);
        add(table, "time", List.of(), 0, SCALAR);
        add(table, "pi", List.of(), 0, SCALAR);
        SIGNATURES = Collections.unmodifiableMap(table);

        Map<String, FunctionSignature> added = new TreeMap<>();
        for (String name : List.of("histogram_avg", "histogram_stddev", "histogram_stdvar", "start_timestamp")) {
            add(added, name, List.of(VECTOR), 0, VECTOR);
        }
        for (String name : List.of("first_over_time", "mad_over_time", "ts_of_first_over_time",
                "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time")) {
            add(added, name, List.of(MATRIX), 0, VECTOR);
        }
        for (String name : List.of("start", "end", "range", "step")) {
            add(added, name, List.of(), 0, SCALAR);
        }
        add(added, "double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR);
        add(added, "histogram_quantiles", List.of(VECTOR, STRING, SCALAR, SCALAR), 9, VECTOR);
        add(added, "info", List.of(VECTOR, VECTOR), 1, VECTOR);
        add(added, "max_of", List.of(SCALAR, SCALAR), 0, SCALAR);
        add(added, "min_of", List.of(SCALAR, SCALAR), 0, SCALAR);
        add(added, "sort_by_label", List.of(VECTOR, STRING), -1, VECTOR);
        add(added, "sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR);
        ADDED_IN_3 = Collections.unmodifiableMap(added);
    }

    private Functions() {
    }

    private static void add(Map<String, FunctionSignature> table, String name, List<ValueType> args, int variadic,
                            ValueType returns) {
        table.put(name, new FunctionSignature(name, args, variadic, returns));
    }

    /**
     * The signature of a function in the profile's version (experimental ones included, enabled or not: see
     * {@link #enabled}), or null when that version has no function of that (case-sensitive) name.
     */
    public static FunctionSignature get(String name, PromqlProfile profile) {
        if (!profile.isPrometheus3()) {
            return SIGNATURES.get(name);
        }
        return REMOVED_IN_3.contains(name) ? null : SIGNATURES.getOrDefault(name, ADDED_IN_3.get(name));
    }

    /** False for an experimental function when the profile does not enable experimental functions. */
    public static boolean enabled(String name, PromqlProfile profile) {
        return !profile.isPrometheus3() || !EXPERIMENTAL_IN_3.contains(name)
                || profile.featureEnabled(EXPERIMENTAL_FEATURE);
    }

    /** All signatures of the profile's version, sorted by name. */
    public static Collection<FunctionSignature> all(PromqlProfile profile) {
        if (!profile.isPrometheus3()) {
            return SIGNATURES.values();
        }
        Map<String, FunctionSignature> table = new TreeMap<>(SIGNATURES);
        table.keySet().removeAll(REMOVED_IN_3);
        table.putAll(ADDED_IN_3);
        return table.values();
    }
}
