package io.sloc.promql.value;

/** What a native histogram says about counter resets, as Prometheus's {@code histogram.CounterResetHint}. */
public enum CounterResetHint {
    /** Nothing known: detect a reset by comparing with the previous histogram. */
    UNKNOWN,
    /** A counter reset happened just before this histogram. */
    COUNTER_RESET,
    /** Definitely no counter reset. */
    NOT_COUNTER_RESET,
    /** A gauge histogram: counter resets do not apply. */
    GAUGE
}
