package io.sloc.rules;

import io.sloc.diag.SourceLocation;
import io.sloc.promql.ast.Expr;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An alerting rule; {@code forMs} is the pending hold, {@code keepFiringForMs} how long it fires on after clearing. */
public record AlertingRule(String name, String exprText, Expr expr, long forMs, long keepFiringForMs,
                           Map<String, String> labels, Map<String, String> annotations, SourceLocation location,
                           ExprPositions exprPositions) implements Rule {
    public AlertingRule {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    }
}
