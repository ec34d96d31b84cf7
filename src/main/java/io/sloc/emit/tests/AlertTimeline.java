package io.sloc.emit.tests;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a multiwindow burn-rate alert is inactive, pending or firing under {@link SyntheticTraffic}, computed from the
 * policy alone. It mirrors, in exact arithmetic, what the generated rules compute:
 * <ul>
 *   <li>the error ratio over a window W at an evaluation T is {@code sum(rate(bad[W])) / sum(rate(total[W]))}. With
 *   samples every step, aligned with T and W a multiple of the step, the first sample in range sits exactly at
 *   {@code T - W} (or is the series' first sample, at value 0), so Prometheus's rate extrapolation factor is exactly
 *   1 for both counters and the ratio is bad/total counted over {@code [max(0, T-W), T]};</li>
 *   <li>a pair holds when both its windows' ratios are strictly above its threshold (factor x error budget), and the
 *   long window has at least the minimum traffic, if any;</li>
 *   <li>the alert state machine of Prometheus's rules/alerting.go: pending on the first evaluation the expression
 *   holds, firing once {@code for} has elapsed, and, once the expression stops holding, still firing until
 *   {@code keep_firing_for} has elapsed.</li>
 * </ul>
 * A ratio within a relative 1e-9 of a threshold could fall either way in float64; it is refused rather than guessed.
 */
public final class AlertTimeline {
    /** Alert states at one evaluation. */
    public enum State {
        INACTIVE, PENDING, FIRING
    }

    /** One window pair of an alert: both windows' ratio above {@code threshold}; long-window traffic of at least
     *  {@code minRequests} requests when that is positive. */
    public record Pair(Duration longWindow, Duration shortWindow, BigDecimal threshold, long minRequests) {
    }

    private static final BigDecimal TIE = new BigDecimal("1e-9");

    private AlertTimeline() {
    }

    /** The state after the evaluation at every slot {@code 0..traffic.steps()} (evaluation interval = step). */
    public static List<State> states(SyntheticTraffic traffic, List<Pair> pairs, Duration hold, Duration keepFiringFor) {
        List<State> states = new ArrayList<>();
        long step = traffic.step().toMillis();
        Long activeAt = null;
        Long keepFiringSince = null;
        boolean firing = false;
        for (int slot = 0; slot <= traffic.steps(); slot++) {
            long ts = slot * step;
            if (anyHolds(traffic, pairs, slot)) {
                keepFiringSince = null;
                if (activeAt == null) {
                    activeAt = ts;
                }
                firing = firing || ts - activeAt >= hold.toMillis();
            } else if (firing && keepFiringFor.toMillis() > 0
                    && ts - (keepFiringSince == null ? ts : keepFiringSince) < keepFiringFor.toMillis()) {
                keepFiringSince = keepFiringSince == null ? ts : keepFiringSince;
            } else {
                activeAt = null;
                keepFiringSince = null;
                firing = false;
            }
            states.add(firing ? State.FIRING : activeAt != null ? State.PENDING : State.INACTIVE);
        }
        return states;
    }

    private static boolean anyHolds(SyntheticTraffic traffic, List<Pair> pairs, int slot) {
        for (Pair pair : pairs) {
            if (holds(traffic, pair, slot)) {
                return true;
            }
        }
        return false;
    }

    static boolean holds(SyntheticTraffic traffic, Pair pair, int slot) {
        return above(traffic, pair.longWindow(), pair.threshold(), slot)
                && above(traffic, pair.shortWindow(), pair.threshold(), slot)
                && (pair.minRequests() <= 0 || requestsIn(traffic, pair.longWindow(), slot) >= pair.minRequests());
    }

    private static long requestsIn(SyntheticTraffic traffic, Duration window, int slot) {
        int from = Math.max(0, slot - traffic.stepsIn(window));
        return traffic.totalAt(slot) - traffic.totalAt(from);
    }

    private static boolean above(SyntheticTraffic traffic, Duration window, BigDecimal threshold, int slot) {
        int from = Math.max(0, slot - traffic.stepsIn(window));
        if (slot - from < 1) {
            return false; // rate() needs two samples
        }
        long total = traffic.totalAt(slot) - traffic.totalAt(from);
        long bad = traffic.badAt(slot) - traffic.badAt(from);
        if (total == 0) {
            return false;
        }
        BigDecimal limit = threshold.multiply(BigDecimal.valueOf(total));
        BigDecimal margin = BigDecimal.valueOf(bad).subtract(limit);
        if (margin.signum() != 0 && margin.abs().compareTo(limit.multiply(TIE)) < 0 || margin.signum() == 0) {
            throw new IllegalStateException("error ratio " + bad + "/" + total + " over " + window
                    + " ties with the threshold " + threshold.toPlainString() + ": choose other traffic");
        }
        return margin.signum() > 0;
    }

    /** The first slot at or after {@code from} in state {@code state}, or -1. */
    public static int first(List<State> states, State state, int from) {
        for (int slot = from; slot < states.size(); slot++) {
            if (states.get(slot) == state) {
                return slot;
            }
        }
        return -1;
    }
}
