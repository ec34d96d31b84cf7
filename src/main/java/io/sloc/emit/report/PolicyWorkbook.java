package io.sloc.emit.report;

import io.sloc.emit.behaviour.AlertBehaviourTests;
import io.sloc.emit.behaviour.AlertTimeline;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SloUnderTest;
import io.sloc.emit.behaviour.SyntheticTraffic;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SRE workbook's table for one SLO's policy: for a sustained error ratio of 1x to 1000x the budget (and a
 * total outage), when each alert fires, how long it keeps firing once the errors stop, and how much of the period's
 * budget is gone by the first page. Every time is {@link AlertTimeline}'s, evaluated every minute on traffic whose
 * windows are full of clean requests when the errors start. A ratio exactly on a threshold counts as below it, as
 * under the rules' {@code >}; float64 rounding could tip such a tie, so a time may be one evaluation early.
 *
 * @param pageSeverity the severity of the alert with the shortest long window: the one that pages
 */
public record PolicyWorkbook(SloUnderTest slo, Duration period, String pageSeverity, List<Row> rows) {
    static final Duration STEP = Duration.ofMinutes(1);
    /** Multiples of the error budget in the table; those at or above a 100% error ratio are left out. */
    static final List<Integer> MULTIPLES = List.of(1, 2, 5, 10, 100, 1000);

    /**
     * One error ratio: {@code multiple} times the budget ({@code errorRatio} = 1 for the total outage row), a cell
     * per alert in the policy's order; when the first page fires, and the share of the period's budget spent by then.
     */
    public record Row(BigDecimal multiple, BigDecimal errorRatio, List<Cell> cells, Optional<Duration> firstPage,
                      Optional<BigDecimal> budgetSpentBeforePage) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** What one alert does under a row's errors. */
    public sealed interface Cell permits Fires, Silent {
    }

    /** Fires {@code detection} after the errors start; once they stop, stops firing {@code reset} later. */
    public record Fires(Duration detection, Duration reset) implements Cell {
    }

    /** Never fires within the period. */
    public record Silent() implements Cell {
    }

    public PolicyWorkbook {
        rows = List.copyOf(rows);
    }

    /** The table for {@code slo}, whose compliance period is {@code period}, under {@code profile}'s windows. */
    public static PolicyWorkbook of(SloUnderTest slo, Duration period, PromqlProfile profile) {
        String page = pageSeverity(slo);
        long perStep = AlertBehaviourTests.requestsPerMinute(slo) * STEP.toSeconds() / 60;
        List<Row> rows = new ArrayList<>();
        for (int multiple : MULTIPLES) {
            BigDecimal ratio = slo.errorBudget().multiply(BigDecimal.valueOf(multiple));
            if (ratio.compareTo(BigDecimal.ONE) < 0) {
                rows.add(row(slo, period, profile, page, perStep, BigDecimal.valueOf(multiple), ratio));
            }
        }
        rows.add(row(slo, period, profile, page, perStep,
                BigDecimal.ONE.divide(slo.errorBudget(), MathContext.DECIMAL64), BigDecimal.ONE));
        return new PolicyWorkbook(slo, period, page, rows);
    }

    /** The severity of the alert with the shortest long window. */
    public static String pageSeverity(SloUnderTest slo) {
        return slo.alerts().stream().min(Comparator.comparing(PolicyWorkbook::shortestLongWindow)).orElseThrow()
                .severity();
    }

    static Duration shortestLongWindow(SloUnderTest.Alert alert) {
        return alert.pairs().stream().map(AlertTimeline.Pair::longWindow).min(Duration::compareTo).orElseThrow();
    }

    /** The longest window any alert of {@code slo} reads: clean traffic that long fills every window. */
    static Duration longestWindow(SloUnderTest slo) {
        return slo.alerts().stream().flatMap(a -> a.pairs().stream()).map(AlertTimeline.Pair::longWindow)
                .max(Duration::compareTo).orElseThrow();
    }

    private static Row row(SloUnderTest slo, Duration period, PromqlProfile profile, String page, long perStep,
                           BigDecimal multiple, BigDecimal ratio) {
        long bad = ratio.multiply(BigDecimal.valueOf(perStep)).longValueExact();
        int warm = steps(longestWindow(slo));
        AlertTimeline sustained = new AlertTimeline(profile, SyntheticTraffic.of(STEP, new Segment(warm, perStep, 0),
                new Segment(steps(period), perStep, bad)), slo.shape());
        List<Cell> cells = new ArrayList<>();
        Optional<Duration> firstPage = Optional.empty();
        for (SloUnderTest.Alert alert : slo.alerts()) {
            Cell cell = cell(slo, profile, alert, sustained, warm, perStep, bad);
            cells.add(cell);
            if (cell instanceof Fires fires && alert.severity().equals(page)
                    && firstPage.map(t -> fires.detection().compareTo(t) < 0).orElse(true)) {
                firstPage = Optional.of(fires.detection());
            }
        }
        Optional<BigDecimal> spent = firstPage.map(t -> multiple.multiply(BigDecimal.valueOf(t.toSeconds()))
                .divide(BigDecimal.valueOf(period.toSeconds()), MathContext.DECIMAL64));
        return new Row(multiple, ratio, cells, firstPage, spent);
    }

    private static Cell cell(SloUnderTest slo, PromqlProfile profile, SloUnderTest.Alert alert,
                             AlertTimeline sustained, int warm, long perStep, long bad) {
        int fired = AlertTimeline.first(states(sustained, alert), State.FIRING, warm);
        if (fired < 0) {
            return new Silent();
        }
        int recovery = steps(longestWindow(slo).plus(alert.keepFiringFor())) + 2;
        AlertTimeline stopped = new AlertTimeline(profile, SyntheticTraffic.of(STEP,
                new Segment(warm, perStep, 0), new Segment(fired - warm, perStep, bad),
                new Segment(recovery, perStep, 0)), slo.shape());
        int cleared = AlertTimeline.first(states(stopped, alert), State.INACTIVE, fired);
        return new Fires(STEP.multipliedBy(fired - warm), STEP.multipliedBy(cleared - fired));
    }

    /** The alert's states, a ratio exactly on its threshold counting as below it (the rules compare with >). */
    static List<State> states(AlertTimeline timeline, SloUnderTest.Alert alert) {
        return timeline.states(alert.pairs(), alert.hold(), alert.keepFiringFor(), AlertTimeline.Ties.BELOW);
    }

    static int steps(Duration duration) {
        return Math.toIntExact(duration.toMillis() / STEP.toMillis());
    }
}
