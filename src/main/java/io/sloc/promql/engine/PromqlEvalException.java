package io.sloc.promql.engine;

/** A query evaluation error; the message is Prometheus's text for the same failure. */
public final class PromqlEvalException extends RuntimeException {
    public PromqlEvalException(String message) {
        super(message);
    }
}
