package io.sloc.diag;

/** A located warning: the input is accepted, but probably not what the author meant. */
public record Warning(SourceLocation location, String message) {
    /** {@code file:line:col: warning: message}. */
    public String render() {
        return location + ": warning: " + message;
    }
}
