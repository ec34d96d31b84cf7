package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/** One {@code window { budget 2% long 1h short 5m severity page }} pair of a policy; absent fields are null. */
public record WindowNode(Located<String> budget, Located<String> factor, Located<String> longWindow,
                         Located<String> shortWindow, Located<String> severity, Located<String> forDuration,
                         Located<String> keepFiringFor, List<Pair> labels, List<Pair> annotations,
                         SourceLocation location) {
    public WindowNode {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
    }
}
