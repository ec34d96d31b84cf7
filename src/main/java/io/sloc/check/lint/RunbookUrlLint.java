package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.rules.AlertingRule;
import io.sloc.rules.Rule;
import java.util.function.Consumer;

/** An alert that pages someone should tell them what to do: every alerting rule needs a {@code runbook_url}. */
public final class RunbookUrlLint implements Lint {
    @Override
    public String id() {
        return "runbook-url";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        for (Rule rule : context.rules()) {
            if (rule instanceof AlertingRule alert && alert.annotations().getOrDefault("runbook_url", "").isBlank()) {
                report.accept(Diagnostic.warning(id(), alert.location(), "alert " + alert.name()
                        + " has no runbook_url annotation: link the steps to follow (in a spec: `runbook NAME`)"));
            }
        }
    }
}
