package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;

/** PromQL between backticks; {@code start} is the location of its first character (inside the backticks). */
public record PromqlText(String text, SourceLocation start) {
}
