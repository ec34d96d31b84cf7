package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.Objects;

/** A value as written in the spec, with where it was written (so later checks can point at it). */
public record Located<T>(T value, SourceLocation location) {
    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
