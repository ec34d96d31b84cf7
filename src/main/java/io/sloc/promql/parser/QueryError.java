package io.sloc.promql.parser;

/** An error found while parsing or checking a query: its character offset and Prometheus's message. */
final class QueryError extends RuntimeException {
    private final int start;
    private final int end;

    QueryError(int start, int end, String message) {
        super(message, null, false, false);
        this.start = start;
        this.end = end;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }
}
