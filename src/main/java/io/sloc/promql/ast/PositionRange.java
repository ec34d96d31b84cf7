package io.sloc.promql.ast;

/** Character offsets [start, end) of a node inside the query text. Ignored by AST equality helpers. */
public record PositionRange(int start, int end) {
    public static final PositionRange NONE = new PositionRange(-1, -1);
}
