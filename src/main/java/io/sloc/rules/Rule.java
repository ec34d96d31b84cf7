package io.sloc.rules;

import io.sloc.diag.SourceLocation;
import io.sloc.promql.ast.Expr;
import java.util.Map;

/**
 * A recording or alerting rule of a Prometheus rule file, with its parsed expression and where it is written, so
 * that findings about a loaded rule point into the file without reading it again.
 */
public sealed interface Rule permits RecordingRule, AlertingRule {
    /** The record name or the alert name. */
    String name();

    /** The expression as written in the file. */
    String exprText();

    Expr expr();

    /** Rule labels, sorted by name (values are templates for alerting rules). */
    Map<String, String> labels();

    /** Where the rule's {@code record:} (or else {@code alert:}) key is written. */
    SourceLocation location();

    /** Where each character of {@link #exprText()} is written. */
    ExprPositions exprPositions();
}
