package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/**
 * {@code alert NAME { expr `...` ... }}: a plain alerting rule; {@code slo} names the SLO of the same service it
 * protects. Absent fields are null.
 */
public record AlertNode(Located<String> name, PromqlText expr, Located<String> forDuration,
                        Located<String> keepFiringFor, Located<String> severity, Located<String> slo,
                        Located<String> runbook,
                        List<Pair> labels, List<Pair> annotations, SourceLocation location) {
    public AlertNode {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
    }
}
