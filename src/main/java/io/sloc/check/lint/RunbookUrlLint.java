package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.rules.AlertingRule;
import io.sloc.rules.Rule;
import java.util.function.Consumer;

/**
 * An alert that pages someone should tell them what to do: every alerting rule needs a runbook annotation, by
 * default {@code runbook_url} (what sloc writes), or the name the team uses ({@code --runbook-annotation}).
 */
public final class RunbookUrlLint implements Lint {
    @Override
    public String id() {
        return "runbook-url";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        String annotation = context.runbookAnnotation();
        String inSpecs = context.slocProject() ? " (in a spec: `runbook NAME`)" : "";
        for (Rule rule : context.rules()) {
            if (rule instanceof AlertingRule alert && alert.annotations().getOrDefault(annotation, "").isBlank()) {
                report.accept(Diagnostic.warning(id(), alert.location(), "alert " + alert.name() + " has no "
                        + annotation + " annotation: link the steps to follow" + inSpecs));
            }
        }
    }
}
