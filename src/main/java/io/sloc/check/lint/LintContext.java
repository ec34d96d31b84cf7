package io.sloc.check.lint;

import io.sloc.model.Spec;
import java.util.List;
import java.util.Set;

/**
 * What the lints look at: the rule files that loaded cleanly (with where each rule is written), the compiled
 * SLO specs, and the metrics known to exist without a recording rule (the specs' input metrics plus any the
 * user listed).
 */
public record LintContext(List<LocatedRuleFile> ruleFiles, List<Spec> specs, Set<String> knownInputMetrics) {
    public LintContext {
        ruleFiles = List.copyOf(ruleFiles);
        specs = List.copyOf(specs);
        knownInputMetrics = Set.copyOf(knownInputMetrics);
    }
}
