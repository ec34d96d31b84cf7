package io.sloc.ruletest;

import io.sloc.promql.value.Labels;

/**
 * A sample of a PromQL check, expected or got: compared on exact labels, exact float value and (promtool 3) the
 * native histogram's test notation ("" for a float sample), as promtool compares them.
 */
record ResultSample(Labels labels, double value, String histogram) {
    ResultSample(Labels labels, double value) {
        this(labels, value, "");
    }

    /**
     * Go's float64 equality is ==: NaN never matches, 0 and -0 do. promtool 3.x's {@code fuzzy_compare} also accepts
     * the neighbouring floats (a difference in the last bit of the mantissa).
     */
    boolean matches(ResultSample o, boolean fuzzy) {
        return labels.equals(o.labels) && histogram.equals(o.histogram) && (value == o.value
                || fuzzy && (Math.nextDown(value) == o.value || Math.nextUp(value) == o.value));
    }
}
