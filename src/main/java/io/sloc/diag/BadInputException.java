package io.sloc.diag;

/**
 * Bad user input (spec, rule file, test file, PromQL): reported as one located message with exit code 2,
 * never as a stack trace. Whoever collects findings (sloc check) makes it a {@link Diagnostic} of its own stage.
 */
public class BadInputException extends RuntimeException {
    private final transient SourceLocation location;

    public BadInputException(SourceLocation location, String message) {
        super(Printable.escape(message));
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }

    /**
     * {@code file:line:col: error: message [check]}, the one form of every finding ({@link Diagnostic}); a
     * message about no particular file is {@code error: message}.
     */
    public String render(String check) {
        return hasSource() ? Diagnostic.error(check, location, getMessage()).toString() : "error: " + getMessage();
    }

    private boolean hasSource() {
        return location.isKnown() || !location.source().equals(SourceLocation.UNKNOWN.source());
    }

    /** {@code file:line:col: message}, the form editors and CI annotators understand. */
    public String render() {
        return hasSource() ? location + ": " + getMessage() : getMessage();
    }
}
