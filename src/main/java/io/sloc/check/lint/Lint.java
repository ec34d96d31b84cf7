package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import java.util.function.Consumer;

/** One check over the loaded rule files and SLO specs; each lint is one class with one {@link #id()}. */
public interface Lint {
    /** A short stable name, shown with every finding ({@code [runbook-url]}) so that users can look it up. */
    String id();

    void check(LintContext context, Consumer<Diagnostic> report);
}
