package io.sloc.check;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code sloc check} found, in a deterministic order (stage, then path), and whether it ran strict
 * (warnings fail the check too).
 */
public record CheckReport(List<CheckedFile> files, boolean strict) {
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

    /** How many findings of {@code severity} each check made, by check name. */
    public Map<String, Long> countByCheck(Severity severity) {
        Map<String, Long> counts = new TreeMap<>();
        diagnostics().stream().filter(d -> d.severity() == severity)
                .forEach(d -> counts.merge(d.check(), 1L, Long::sum));
        return counts;
    }

    /** Errors always fail the check; warnings only when strict. */
    public boolean passed() {
        return count(Severity.ERROR) == 0 && (!strict || count(Severity.WARNING) == 0);
    }
}
