package io.sloc.rules;

import io.sloc.promql.ast.Expr;
import java.util.Map;

/** A recording or alerting rule of a Prometheus rule file, with its parsed expression. */
public sealed interface Rule permits RecordingRule, AlertingRule {
    /** The record name or the alert name. */
    String name();

    /** The expression as written in the file. */
    String exprText();

    Expr expr();

    /** Rule labels, sorted by name (values are templates for alerting rules). */
    Map<String, String> labels();
}
