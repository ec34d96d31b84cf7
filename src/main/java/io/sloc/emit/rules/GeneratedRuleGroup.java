package io.sloc.emit.rules;

import java.util.List;

/** A rule group; rules later in the list may use series recorded earlier in the same evaluation. */
public record GeneratedRuleGroup(String name, List<GeneratedRule> rules) {
    public GeneratedRuleGroup {
        rules = List.copyOf(rules);
    }
}
