package io.sloc.rules;

import io.sloc.diag.SourceLocation;
import io.sloc.promql.ast.Expr;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A recording rule: the expression's result stored under the record name, with the rule's labels set. */
public record RecordingRule(String name, String exprText, Expr expr, Map<String, String> labels,
                            SourceLocation location, ExprPositions exprPositions) implements Rule {
    public RecordingRule {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
