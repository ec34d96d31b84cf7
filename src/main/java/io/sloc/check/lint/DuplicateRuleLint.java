package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.rules.AlertingRule;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * promtool's {@code duplicate-rules} lint: two rules of one file with the same record or alert name and the same
 * labels write the same series, which Prometheus rejects as out-of-order or duplicate samples. Reported at each
 * repetition, pointing back at the first definition.
 */
public final class DuplicateRuleLint implements Lint {
    @Override
    public String id() {
        return "duplicate-rule";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        for (RuleFile file : context.ruleFiles()) {
            Map<List<Object>, Definition> first = new HashMap<>();
            for (RuleGroup group : file.groups()) {
                for (Rule rule : group.rules()) {
                    Definition earlier = first.putIfAbsent(List.of(rule.name(), rule.labels()),
                            new Definition(group.name(), rule));
                    if (earlier != null) {
                        report(rule, earlier, report);
                    }
                }
            }
        }
    }

    private void report(Rule rule, Definition earlier, Consumer<Diagnostic> report) {
        String kind = rule instanceof AlertingRule ? "alert" : "recording rule";
        report.accept(Diagnostic.error(id(), rule.location(), "duplicate " + kind + " " + rule.name()
                + " with labels " + rule.labels() + ": already defined at line " + earlier.rule().location().line()
                + " (group \"" + earlier.group() + "\"); both would write the same series"));
    }

    /** The first rule with a name and labels, and the group it is in (the rule does not know). */
    private record Definition(String group, Rule rule) {
    }
}
