package io.sloc.rules;

import io.sloc.promql.ast.Expr;
import java.util.Map;
import java.util.TreeMap;

public record RecordingRule(String name, String exprText, Expr expr, Map<String, String> labels) implements Rule {
    public RecordingRule {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
