package io.sloc.ruletest;

import io.sloc.promql.PromqlProfile;

/**
 * What {@code promtool test rules} itself does differently between the Prometheus versions sloc reproduces (the
 * query language's differences are the profile's own questions).
 */
record PromtoolVersion(PromqlProfile profile) {
    /** 2.42 prints {@code Unit Testing:  FILE} before each file; 3.x dropped the line when it gained --junit. */
    boolean printsFileHeader() {
        return !profile.isPrometheus3();
    }

    /** Since 2.49 a test group without {@code interval} spaces its input at the evaluation interval; 2.42 at 0. */
    boolean intervalDefaultsToEvaluationInterval() {
        return profile.isPrometheus3();
    }

    /** 3.x's {@code Labels.String()} quotes label names outside the legacy character set (UTF-8 names). */
    boolean quotesUtf8LabelNames() {
        return profile.isPrometheus3();
    }
}
