package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.rules.AlertingRule;
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
        for (LocatedRuleFile file : context.ruleFiles()) {
            Map<List<Object>, LocatedRule> first = new HashMap<>();
            for (LocatedRule rule : file.rules()) {
                List<Object> identity = List.of(rule.rule().name(), rule.rule().labels());
                LocatedRule earlier = first.putIfAbsent(identity, rule);
                if (earlier != null) {
                    String kind = rule.rule() instanceof AlertingRule ? "alert" : "recording rule";
                    report.accept(Diagnostic.error(id(), rule.location(), "duplicate " + kind + " "
                            + rule.rule().name() + " with labels " + rule.rule().labels()
                            + ": already defined at line " + earlier.location().line() + " (group \""
                            + earlier.group() + "\"); both would write the same series"));
                }
            }
        }
    }
}
