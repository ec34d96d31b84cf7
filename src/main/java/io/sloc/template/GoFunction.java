package io.sloc.template;

import io.sloc.golang.GoError;
import java.util.List;

/**
 * A function callable from templates, with its Go signature: fixed parameter types, optionally a variadic last
 * parameter (element type = last entry of {@code params}). The body returns the result or throws {@link GoError}.
 */
public record GoFunction(List<GoType> params, boolean variadic, Body body) {
    public GoFunction {
        params = List.copyOf(params);
    }

    /** The implementation; arguments arrive already checked against {@link #params()}. */
    @FunctionalInterface
    public interface Body {
        Object call(Object[] args) throws GoError;
    }


    static GoFunction of(Body body, GoType... params) {
        return new GoFunction(List.of(params), false, body);
    }

    static GoFunction variadic(Body body, GoType... params) {
        return new GoFunction(List.of(params), true, body);
    }
}
