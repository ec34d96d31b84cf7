package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/**
 * A burn-rate policy, named ({@code policy NAME { ... }}) or inline ({@code alerting { ... }}, name null);
 * {@code alertName} ({@code alert_name}, as Sloth's and Pyrra's {@code alerting.name}) may be null.
 */
public record PolicyNode(Located<String> name, List<WindowNode> windows, Located<String> forDuration,
                         Located<String> keepFiringFor, Located<String> minTraffic, List<Pair> labels,
                         List<Pair> annotations, Located<String> alertName, SourceLocation location) {
    public PolicyNode {
        windows = List.copyOf(windows);
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
    }
}
