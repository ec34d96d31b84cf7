package io.sloc.ruletest;

import io.sloc.promql.value.Labels;

/** A sample of a PromQL check, expected or got: compared on exact labels and exact float value. */
record ResultSample(Labels labels, double value) {
    /** reflect.DeepEqual on float64 is ==: NaN never matches, 0 and -0 do. */
    boolean matches(ResultSample o) {
        return labels.equals(o.labels) && value == o.value;
    }
}
