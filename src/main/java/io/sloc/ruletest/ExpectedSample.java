package io.sloc.ruletest;

/**
 * An expected sample: labels in series notation ("" for none) and the exact value, or (Prometheus 3.x) a native
 * histogram in series notation, which replaces the value when not empty.
 */
public record ExpectedSample(String labels, double value, String histogram) {
}
