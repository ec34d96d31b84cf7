package io.sloc.promql.value;

/** An operation that native histograms cannot do, with Prometheus's message (e.g. mixing schema kinds). */
public final class HistogramException extends RuntimeException {
    public static final String INCOMPATIBLE_SCHEMA =
            "cannot apply this operation on histograms with a mix of exponential and custom bucket schemas";

    public HistogramException(String message) {
        super(message);
    }
}
