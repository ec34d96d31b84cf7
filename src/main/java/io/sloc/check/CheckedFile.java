package io.sloc.check;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.util.List;

/**
 * One input that a stage looked at, with what it found there (empty when it passed). Passing inputs are kept
 * so that reports (JUnit especially) show what was checked, not only what failed.
 */
public record CheckedFile(Stage stage, String path, List<Diagnostic> diagnostics) {
    public CheckedFile {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
