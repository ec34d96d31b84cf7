package io.sloc.check;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.util.Comparator;
import java.util.List;

/** Everything {@code sloc check} found, in a deterministic order (stage, then path). */
public record CheckReport(List<CheckedFile> files) {
    public CheckReport {
        files = files.stream()
                .sorted(Comparator.comparing(CheckedFile::stage).thenComparing(CheckedFile::path))
                .toList();
    }

    public List<Diagnostic> diagnostics() {
        return files.stream().flatMap(f -> f.diagnostics().stream()).toList();
    }

    public long count(Severity severity) {
        return diagnostics().stream().filter(d -> d.severity() == severity).count();
    }

    /** Errors always fail the check; warnings only when {@code strict}. */
    public boolean passed(boolean strict) {
        return count(Severity.ERROR) == 0 && (!strict || count(Severity.WARNING) == 0);
    }
}
