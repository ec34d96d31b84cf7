package io.sloc.ruletest;

/** An expected sample: labels in series notation ("" for none) and the exact value. */
public record ExpectedSample(String labels, double value) {
}
