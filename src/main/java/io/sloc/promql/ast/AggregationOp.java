package io.sloc.promql.ast;

import java.util.Locale;

public enum AggregationOp {
    SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR, TOPK, BOTTOMK, QUANTILE, COUNT_VALUES, LIMITK, LIMIT_RATIO;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** topk, bottomk, quantile, count_values, limitk and limit_ratio take a parameter before the vector. */
    public boolean hasParameter() {
        return this != SUM && this != AVG && this != COUNT && this != MIN && this != MAX && this != GROUP
                && this != STDDEV && this != STDVAR;
    }

    /** The aggregations that keep input samples as they are (k of them or a ratio), rather than computing one. */
    public boolean selectsSamples() {
        return this == TOPK || this == BOTTOMK || this == LIMITK || this == LIMIT_RATIO;
    }

    /** Prometheus 3's experimental aggregations (promql-experimental-functions). */
    public boolean experimental() {
        return this == LIMITK || this == LIMIT_RATIO;
    }
}
