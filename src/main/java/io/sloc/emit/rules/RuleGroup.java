package io.sloc.emit.rules;

import java.util.List;

/** A rule group; rules later in the list may use series recorded earlier in the same evaluation. */
public record RuleGroup(String name, List<Rule> rules) {
    public RuleGroup {
        rules = List.copyOf(rules);
    }
}
