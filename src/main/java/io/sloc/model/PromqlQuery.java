package io.sloc.model;

import io.sloc.diag.SourceLocation;
import io.sloc.promql.ast.Expr;

/**
 * PromQL written in a spec: the text as written (common indentation removed), its parsed form, and where it
 * starts in the spec file. For SLI expressions the text may contain {@code $window}, which the rule generator
 * replaces by a range such as {@code 5m}; {@code parsed} is then the parse of a stand-in of equal length.
 */
public record PromqlQuery(String text, Expr parsed, SourceLocation location) {
    public static final String WINDOW_PLACEHOLDER = "$window";

    public boolean usesWindow() {
        return text.contains(WINDOW_PLACEHOLDER);
    }
}
