package io.sloc.promql.ast;

/** The {@code @} modifier: a fixed timestamp (milliseconds) or the query's {@code start()}/{@code end()}. */
public record AtModifier(Kind kind, long timestampMs) {
    public enum Kind { TIMESTAMP, START, END }

    public static AtModifier at(long timestampMs) {
        return new AtModifier(Kind.TIMESTAMP, timestampMs);
    }
}
