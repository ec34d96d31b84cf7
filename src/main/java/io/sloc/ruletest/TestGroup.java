package io.sloc.ruletest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of {@code tests:}: input series at {@code intervalMs} spacing (0 when absent), the alert and PromQL checks
 * against them, template context, and an optional name used in messages. {@code startTimestampMs} (Prometheus 3.x's
 * {@code start_timestamp}, 0 when absent) is where the first input sample lies and what eval times count from.
 */
public record TestGroup(long intervalMs, List<InputSeries> inputSeries, List<AlertTestCase> alertRuleTests,
                        List<PromqlTestCase> promqlExprTests, Map<String, String> externalLabels,
                        String externalUrl, String name, long startTimestampMs, int line) {
    public TestGroup {
        inputSeries = List.copyOf(inputSeries);
        alertRuleTests = List.copyOf(alertRuleTests);
        promqlExprTests = List.copyOf(promqlExprTests);
        externalLabels = Collections.unmodifiableSortedMap(new TreeMap<>(externalLabels));
    }

    /** This group with another input interval (promtool 3.x fills an absent one with the evaluation interval). */
    TestGroup withIntervalMs(long newIntervalMs) {
        return new TestGroup(newIntervalMs, inputSeries, alertRuleTests, promqlExprTests, externalLabels, externalUrl,
                name, startTimestampMs, line);
    }

    /** The latest eval_time of any check: evaluation runs from the start to here. */
    public long maxEvalTimeMs() {
        long max = 0;
        for (AlertTestCase a : alertRuleTests) {
            max = Math.max(max, a.evalTimeMs());
        }
        for (PromqlTestCase p : promqlExprTests) {
            max = Math.max(max, p.evalTimeMs());
        }
        return max;
    }
}
