package io.sloc.promql.ast;

import java.util.Locale;

public enum AggregationOp {
    SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR, TOPK, BOTTOMK, QUANTILE, COUNT_VALUES;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** topk, bottomk, quantile and count_values take a parameter before the vector. */
    public boolean hasParameter() {
        return this == TOPK || this == BOTTOMK || this == QUANTILE || this == COUNT_VALUES;
    }
}
