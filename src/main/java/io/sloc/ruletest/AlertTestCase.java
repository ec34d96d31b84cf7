package io.sloc.ruletest;

import java.util.List;

/** Expected firing alerts of {@code alertname} at {@code evalTimeMs}; an empty list expects none. */
public record AlertTestCase(long evalTimeMs, String alertname, List<ExpectedAlert> expAlerts, int line) {
    public AlertTestCase {
        expAlerts = List.copyOf(expAlerts);
    }
}
