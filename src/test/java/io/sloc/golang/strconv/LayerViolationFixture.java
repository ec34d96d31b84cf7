package io.sloc.golang.strconv;

import io.sloc.promql.Durations;

/**
 * Test-only: a Go port that imports PromQL, against the layering and closing a cycle (promql imports
 * golang.strconv). {@code ArchitectureTest} shows that its rules reject it.
 */
public final class LayerViolationFixture {
    private LayerViolationFixture() {
    }

    public static String format(long millis) {
        return Durations.format(millis);
    }
}
