package io.sloc.ruletest;

import io.sloc.promql.value.Labels;

/** A sample of a PromQL check, expected or got: compared on exact labels and exact float value. */
record ResultSample(Labels labels, double value) {
    /**
     * Go's float64 equality is ==: NaN never matches, 0 and -0 do. promtool 3.x's {@code fuzzy_compare} also accepts
     * the neighbouring floats (a difference in the last bit of the mantissa).
     */
    boolean matches(ResultSample o, boolean fuzzy) {
        return labels.equals(o.labels) && (value == o.value
                || fuzzy && (Math.nextDown(value) == o.value || Math.nextUp(value) == o.value));
    }
}
