package io.sloc.rules;

import java.util.List;

/**
 * A rule group: rules evaluated in order. {@code intervalMs} is 0 when the file sets none; {@code queryOffsetMs}
 * (Prometheus 3.x's {@code query_offset}) how far back of the evaluation time its rules query; {@code limit} 0 means
 * no limit on the series (or alerts) a rule may produce.
 */
public record RuleGroup(String name, long intervalMs, long queryOffsetMs, int limit, List<Rule> rules) {
    public RuleGroup {
        rules = List.copyOf(rules);
    }
}
