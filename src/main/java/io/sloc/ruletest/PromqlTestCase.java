package io.sloc.ruletest;

import java.util.List;

/** An instant query checked after the evaluation loop. */
public record PromqlTestCase(String expr, long evalTimeMs, List<ExpectedSample> expSamples, int line) {
    public PromqlTestCase {
        expSamples = List.copyOf(expSamples);
    }
}
