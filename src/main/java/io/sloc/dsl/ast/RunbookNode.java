package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/** {@code runbook NAME { title "..." step "..." ... }}; title and description may be null. */
public record RunbookNode(Located<String> name, Located<String> title, Located<String> description,
                          List<Located<String>> steps,
                          SourceLocation location) {
    public RunbookNode {
        steps = List.copyOf(steps);
    }
}
