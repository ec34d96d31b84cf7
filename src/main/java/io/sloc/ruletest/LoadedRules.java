package io.sloc.ruletest;

import io.sloc.rules.RuleGroup;
import java.util.List;

/** The rule groups of a test file in evaluation order, or the errors that stopped loading them. */
record LoadedRules(List<RuleGroup> groups, List<String> errors) {
    LoadedRules {
        groups = List.copyOf(groups);
        errors = List.copyOf(errors);
    }
}
