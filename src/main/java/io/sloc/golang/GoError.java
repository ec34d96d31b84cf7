package io.sloc.golang;

/**
 * A Go {@code error} value returned (or panicked) by an emulated Go function; its message is Go's {@code Error()}
 * text, which callers print as Go does (templates show "error calling NAME: MESSAGE").
 *
 * <p>Follows Go's built-in {@code error} interface (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoError extends Exception {
    private static final long serialVersionUID = 1L;

    public GoError(String message) {
        super(message);
    }
}
