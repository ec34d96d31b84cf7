package io.sloc.ruletest;

import java.util.List;

/**
 * A promtool rule-test file ({@code promtool test rules}). {@code evaluationIntervalMs} is 0 when absent (the
 * runner then uses 1m, as promtool does); {@code ruleFiles} are the patterns as written; {@code fuzzyCompare}
 * (Prometheus 3.x) lets float comparisons ignore the last bit of the mantissa.
 */
public record UnitTestFile(List<String> ruleFiles, long evaluationIntervalMs, List<String> groupEvalOrder,
                           List<TestGroup> tests, boolean fuzzyCompare) {
    public UnitTestFile {
        ruleFiles = List.copyOf(ruleFiles);
        groupEvalOrder = List.copyOf(groupEvalOrder);
        tests = List.copyOf(tests);
    }
}
