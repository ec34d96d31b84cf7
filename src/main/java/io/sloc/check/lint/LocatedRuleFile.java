package io.sloc.check.lint;

import io.sloc.rules.RuleFile;
import java.util.List;

/** A loaded rule file and its rules in file order, each with its location. */
public record LocatedRuleFile(RuleFile file, List<LocatedRule> rules) {
    public LocatedRuleFile {
        rules = List.copyOf(rules);
    }
}
