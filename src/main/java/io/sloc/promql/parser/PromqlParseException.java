package io.sloc.promql.parser;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.ast.PositionRange;

/**
 * A PromQL expression that Prometheus 2.42 would reject. {@link #prometheusMessage()} is Prometheus's own text
 * ({@code 1:5: parse error: unexpected <by>}); {@link #getMessage()} explains it for sloc users, and
 * {@link #location()} points into the file the query came from.
 */
public final class PromqlParseException extends BadInputException {
    private final transient PositionRange position;
    private final int line;
    private final int column;
    private final String detail;
    private final String prometheusMessage;

    PromqlParseException(SourceLocation location, PositionRange position, int line, int column, String detail,
                         String prometheusMessage) {
        super(location, "invalid PromQL expression: " + detail
                + (location.isKnown() ? "" : " (line " + line + ", column " + column + " of the expression)"));
        this.position = position;
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.prometheusMessage = prometheusMessage;
    }

    /** Character offsets of the offending part of the query. */
    public PositionRange position() {
        return position;
    }

    /** 1-based line within the query text. */
    public int line() {
        return line;
    }

    /** 1-based column within the query text (in bytes of UTF-8, like Prometheus). */
    public int column() {
        return column;
    }

    /** The bare error, e.g. {@code unexpected end of input}. */
    public String detail() {
        return detail;
    }

    /** Exactly what Prometheus 2.42 prints, e.g. {@code 1:8: parse error: unexpected end of input}. */
    public String prometheusMessage() {
        return prometheusMessage;
    }
}
