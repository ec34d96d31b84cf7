package io.sloc.template;

import java.util.List;

/** Runs a PromQL instant query for the {@code query} template function, at the alert's evaluation time. */
@FunctionalInterface
public interface QueryFunction {
    /**
     * The instant vector (scalars as one sample without labels, as Prometheus's rule query function does).
     *
     * @throws QueryException with the engine's error text, shown as {@code error calling query: TEXT}
     */
    List<TemplateSample> query(String promql, long evalTimeMs) throws QueryException;

    /** A query failure; the message is what Prometheus's engine would report. */
    final class QueryException extends Exception {
        private static final long serialVersionUID = 1L;

        public QueryException(String message) {
            super(message);
        }
    }
}
