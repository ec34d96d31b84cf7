package io.sloc.emit.report;

import io.sloc.emit.behaviour.AlertTimeline;
import io.sloc.emit.behaviour.SloUnderTest;
import io.sloc.emit.behaviour.SyntheticTraffic;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated incident: clean traffic long enough to fill every window, then {@code incident} steps with
 * {@code bad} of {@code total} requests failing (no requests at all for zero traffic), then clean traffic until
 * every alert has had time to clear. Slots {@code start..end} are the incident's.
 */
record Scenario(String id, String title, String description, SyntheticTraffic traffic, int start, int end) {
    /** The scenarios the report plots for {@code slo}: a total outage, 10x and 2x burns, a slow burn just over the
     *  lowest threshold, and zero traffic. */
    static List<Scenario> of(SloUnderTest slo, long perStep) {
        BigDecimal budget = slo.errorBudget();
        BigDecimal lowest = slo.alerts().stream().flatMap(a -> a.pairs().stream())
                .map(AlertTimeline.Pair::threshold).min(BigDecimal::compareTo).orElseThrow();
        Duration longest = PolicyWorkbook.longestWindow(slo);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(scenario(slo, "outage", "Total outage", "every request fails for 1h", Duration.ofHours(1),
                perStep, perStep, perStep));
        scenarios.add(scenario(slo, "burn10x", "10x burn", "an error ratio of 10 times the budget for 6h",
                Duration.ofHours(6), perStep, perStep, bad(budget.multiply(BigDecimal.TEN), perStep)));
        scenarios.add(scenario(slo, "burn2x", "2x burn", "an error ratio of twice the budget for 1d",
                Duration.ofDays(1), perStep, perStep, bad(budget.multiply(BigDecimal.valueOf(2)), perStep)));
        scenarios.add(scenario(slo, "slowburn", "Slow burn", "an error ratio of 1.5 times the lowest threshold ("
                + Format.percent(lowest) + ") for " + Format.duration(longest), longest, perStep, perStep,
                bad(lowest.multiply(new BigDecimal("1.5")), perStep)));
        scenarios.add(scenario(slo, "zero", "Zero traffic", "no requests at all for 6h", Duration.ofHours(6),
                perStep, 0, 0));
        return scenarios;
    }

    /** Bad requests of {@code perStep} for an error ratio of at least {@code ratio} (all of them at most). */
    private static long bad(BigDecimal ratio, long perStep) {
        return Math.min(perStep, ratio.multiply(BigDecimal.valueOf(perStep)).setScale(0, RoundingMode.CEILING)
                .longValueExact());
    }

    private static Scenario scenario(SloUnderTest slo, String id, String title, String description,
                                     Duration incident, long clean, long total, long bad) {
        Duration settle = slo.alerts().stream().map(a -> a.pairs().stream().map(AlertTimeline.Pair::shortWindow)
                        .max(Duration::compareTo).orElseThrow().plus(a.hold()).plus(a.keepFiringFor()))
                .max(Duration::compareTo).orElseThrow().plus(incident.dividedBy(4));
        int warm = PolicyWorkbook.steps(PolicyWorkbook.longestWindow(slo));
        int incidentSteps = PolicyWorkbook.steps(incident);
        SyntheticTraffic traffic = SyntheticTraffic.of(PolicyWorkbook.STEP, new Segment(warm, clean, 0),
                new Segment(incidentSteps, total, bad), new Segment(PolicyWorkbook.steps(settle), clean, 0));
        return new Scenario(id, title, description, traffic, warm, warm + incidentSteps);
    }
}
