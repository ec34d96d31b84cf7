package io.sloc.emit.behaviour;

import io.sloc.model.Sli;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the alert-behaviour tests need to know about one SLO and the rules generated for it.
 *
 * @param name        {@code service/slo}, for test names
 * @param identity    labels every rule of this SLO carries ({@code service}, {@code slo}); selects its recorded
 *                    series
 * @param alertName   the name of its burn-rate alerts (plain alerts may carry the same {@code slo} label)
 * @param groupLabels the SLO's {@code by (...)} labels, given a synthetic value in the input series
 * @param errorBudget 1 - objective, exact
 * @param shape       how the generated rules compute window ratios
 * @param remainingBudget the recorded period error-budget-remaining series, which zero traffic must leave at 1
 * @param alerts      one entry per generated burn-rate alerting rule
 */
public record SloUnderTest(String name, Map<String, String> identity, String alertName, Set<String> groupLabels,
                           Sli sli,
                           BigDecimal errorBudget, BigDecimal minTrafficPerSecond, AlertTimeline.Shape shape,
                           String remainingBudget, List<Alert> alerts) {
    public SloUnderTest {
        identity = Map.copyOf(identity);
        groupLabels = Set.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /** One generated burn-rate alert: fires while any of its window pairs holds, subject to for/keep_firing_for. */
    public record Alert(String severity, List<AlertTimeline.Pair> pairs, Duration hold, Duration keepFiringFor) {
        public Alert {
            pairs = List.copyOf(pairs);
        }

        Duration longest() {
            return pairs.stream().map(AlertTimeline.Pair::longWindow).max(Duration::compareTo).orElseThrow();
        }

        Duration fastest() {
            return pairs.stream().map(AlertTimeline.Pair::longWindow).min(Duration::compareTo).orElseThrow();
        }

        BigDecimal lowestThreshold() {
            return pairs.stream().map(AlertTimeline.Pair::threshold).min(BigDecimal::compareTo).orElseThrow();
        }
    }
}
