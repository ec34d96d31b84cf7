package io.sloc.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One located finding of {@code sloc check}. {@code check} names what found it (a lint id such as
 * {@code runbook-url}, or {@code drift}, {@code compile}, {@code rule-test}) so that users can look it up.
 */
public record Diagnostic(Severity severity, String check, SourceLocation location, String message) {
    /** File, then line, then column: the order a reader scans a report in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().source())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::check)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String check, SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, check, location, message);
    }

    public static Diagnostic warning(String check, SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, check, location, message);
    }

    /** {@code file:line:col: severity: message [check]}, the form editors and terminals link. */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message + " [" + check + "]";
    }
}
