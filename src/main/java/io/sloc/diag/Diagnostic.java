package io.sloc.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One located finding, from the spec parser and compiler through {@code sloc check} to its reporters: every
 * error or warning about the user's input is one of these, so that each front end formats all of them alike.
 * {@code check} names what found it (a lint id such as {@code runbook-url}, or {@code input}, {@code compile},
 * {@code rule-file}, {@code drift}, {@code rule-test}) so that users can look it up.
 */
public record Diagnostic(Severity severity, String check, SourceLocation location, String message) {
    /** File, then line, then column: the order a reader scans a report in. */
    public static final Comparator<Diagnostic> BY_LOCATION = Comparator
            .comparing((Diagnostic d) -> d.location().source())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column());

    /** {@link #BY_LOCATION}, then the rest, so that a report's order never depends on the order checks ran in. */
    public static final Comparator<Diagnostic> ORDER = BY_LOCATION
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::check)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(location, "location");
        message = Printable.escape(Objects.requireNonNull(message, "message"));
    }

    public static Diagnostic error(String check, SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, check, location, message);
    }

    public static Diagnostic warning(String check, SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, check, location, message);
    }

    /** {@code file:line:col: severity: message}, the form editors and terminals link (and compilers print). */
    public String render() {
        return location + ": " + severity.label() + ": " + message;
    }

    /** {@link #render()} naming the check, so that users can look it up. */
    @Override
    public String toString() {
        return render() + " [" + check + "]";
    }
}
