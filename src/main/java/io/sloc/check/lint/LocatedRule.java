package io.sloc.check.lint;

import io.sloc.diag.SourceLocation;
import io.sloc.rules.Rule;

/**
 * A rule of a loaded rule file with the positions lints report: the rule's {@code record:}/{@code alert:} key,
 * and a mapping from offsets in its expression text to file positions.
 */
public record LocatedRule(String group, Rule rule, SourceLocation location, ExprPositions expr) {
}
