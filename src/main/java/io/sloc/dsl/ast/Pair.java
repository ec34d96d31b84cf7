package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;

/** One {@code name: "value"} entry of a labels or annotations block. */
public record Pair(Located<String> name, String value, SourceLocation location) {
}
