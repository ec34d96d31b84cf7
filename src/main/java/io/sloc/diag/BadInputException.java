package io.sloc.diag;

/**
 * Bad user input (spec, rule file, test file, PromQL): reported as one located message with exit code 2,
 * never as a stack trace. It carries the {@link Diagnostic} (an error of check {@code input} unless the thrower
 * says which check found it), so that callers collecting findings take it as it is.
 */
public class BadInputException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public BadInputException(Diagnostic diagnostic) {
        super(diagnostic.message());
        this.diagnostic = diagnostic;
    }

    public BadInputException(SourceLocation location, String message) {
        this(Diagnostic.error("input", location, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public SourceLocation location() {
        return diagnostic.location();
    }

    /** {@code file:line:col: message}, the form editors and CI annotators understand. */
    public String render() {
        SourceLocation location = location();
        return location.isKnown() || !location.source().equals(SourceLocation.UNKNOWN.source())
                ? location + ": " + getMessage()
                : getMessage();
    }
}
