package io.sloc.ruletest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of {@code tests:}: input series at {@code intervalMs} spacing (0 when absent, as in promtool 2.42), the
 * alert and PromQL checks against them, template context, and an optional name used in messages.
 */
public record TestGroup(long intervalMs, List<InputSeries> inputSeries, List<AlertTestCase> alertRuleTests,
                        List<PromqlTestCase> promqlExprTests, Map<String, String> externalLabels,
                        String externalUrl, String name, int line) {
    public TestGroup {
        inputSeries = List.copyOf(inputSeries);
        alertRuleTests = List.copyOf(alertRuleTests);
        promqlExprTests = List.copyOf(promqlExprTests);
        externalLabels = Collections.unmodifiableSortedMap(new TreeMap<>(externalLabels));
    }

    /** The latest eval_time of any check: evaluation runs from 0 to here. */
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
