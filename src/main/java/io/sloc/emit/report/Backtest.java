package io.sloc.emit.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recorded history replayed through the rules of one or more policies (today's, a proposed one): per SLO, the
 * incidents the history holds and what each policy would have sent.
 *
 * @param source where the history came from (a file name)
 * @param step   the evaluation interval of the replay
 */
public record Backtest(String source, Instant from, Instant to, Duration step, List<String> policies,
                       List<SloBacktest> slos) {
    public Backtest {
        policies = List.copyOf(policies);
        slos = List.copyOf(slos);
    }

    /**
     * One SLO: its incidents (runs of evaluations whose base-window error ratio is above the budget) and an
     * outcome per policy, in the order of {@link Backtest#policies}.
     */
    public record SloBacktest(String name, List<Incident> incidents, List<PolicyOutcome> outcomes) {
        public SloBacktest {
            incidents = List.copyOf(incidents);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** Errors above the budget from {@code start} until {@code end} (empty: still at the end of the history). */
    public record Incident(Instant start, Optional<Instant> end) {
    }

    /**
     * What one policy sent: every notification, and per incident (same order) how long the first page took and the
     * share of the period's budget spent by then; empty where it never paged.
     */
    public record PolicyOutcome(List<Notification> notifications, List<Optional<Detection>> detections) {
        public PolicyOutcome {
            notifications = List.copyOf(notifications);
            detections = List.copyOf(detections);
        }

        public long pages() {
            return notifications.stream().filter(Notification::page).count();
        }
    }

    /** An alert firing from {@code start} until {@code end} (empty: still firing at the end of the history). */
    public record Notification(String severity, boolean page, Instant start, Optional<Instant> end) {
    }

    public record Detection(Duration timeToDetect, BigDecimal budgetSpent) {
    }
}
