package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/**
 * {@code slo NAME { ... }}. {@code alertingPolicyName} and {@code alertingPolicy} are both null when the SLO
 * uses the default policy; at most one is set.
 */
public record SloNode(Located<String> name, Located<String> description, Located<String> objective, Located<String> window,
                      SliNode sli, List<Located<String>> groupBy, Located<String> alertingPolicyName,
                      PolicyNode alertingPolicy, Located<String> runbook, List<Pair> labels,
                      SourceLocation location) {
    public SloNode {
        groupBy = List.copyOf(groupBy);
        labels = List.copyOf(labels);
    }
}
