package io.sloc.emit.rules;

import java.time.Duration;
import java.util.List;

/**
 * A rule group; rules later in the list may use series recorded earlier in the same evaluation. {@code interval}
 * is zero for Prometheus's global evaluation interval.
 */
public record GeneratedRuleGroup(String name, Duration interval, List<GeneratedRule> rules) {
    public GeneratedRuleGroup {
        rules = List.copyOf(rules);
    }

    /** A group evaluated at the global evaluation interval. */
    public GeneratedRuleGroup(String name, List<GeneratedRule> rules) {
        this(name, Duration.ZERO, rules);
    }
}
