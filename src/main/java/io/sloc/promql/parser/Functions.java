package io.sloc.promql.parser;

import static io.sloc.promql.ast.ValueType.MATRIX;
import static io.sloc.promql.ast.ValueType.SCALAR;
import static io.sloc.promql.ast.ValueType.STRING;
import static io.sloc.promql.ast.ValueType.VECTOR;

import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.ValueType;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The signatures of every PromQL function of Prometheus 2.42 (promql/parser/functions.go). */
public final class Functions {
    private static final Map<String, FunctionSignature> SIGNATURES;

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
    }

    private Functions() {
    }

    private static void add(Map<String, FunctionSignature> table, String name, List<ValueType> args, int variadic,
                            ValueType returns) {
        table.put(name, new FunctionSignature(name, args, variadic, returns));
    }

    /** The signature of a function, or null when PromQL 2.42 has no function of that (case-sensitive) name. */
    public static FunctionSignature get(String name) {
        return SIGNATURES.get(name);
    }

    /** All signatures, sorted by name. */
    public static Collection<FunctionSignature> all() {
        return SIGNATURES.values();
    }
}
