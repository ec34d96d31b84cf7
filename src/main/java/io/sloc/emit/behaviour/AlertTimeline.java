package io.sloc.emit.behaviour;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a multiwindow burn-rate alert is inactive, pending or firing under {@link SyntheticTraffic}, computed from the
 * policy and the shape of the generated rules alone, in exact arithmetic:
 * <ul>
 *   <li>samples and evaluations share one step, and every window is a whole number of steps. The base window's
 *   rates are {@code rate(counter[base])} at each evaluation T: the first sample in range sits exactly at
 *   {@code T - base} (or is the series' first sample, at value 0), so Prometheus's extrapolation factor is exactly 1
 *   and the rate is the count over {@code (max(0, T - base), T]} divided by the base window;</li>
 *   <li>a longer window W averages the recorded base rates ({@code avg_over_time(rate[W])}) over the evaluations in
 *   {@code [T - W, T]} (closed, as in Prometheus 2.42), so its error ratio is the sum of those base-window bad counts
 *   over the sum of their totals. With {@code base == null} (rules that take {@code rate(counter[W])} directly) it is
 *   the count over {@code (max(0, T - W), T]};</li>
 *   <li>a pair holds when both its windows' ratios are strictly above its threshold (factor x error budget), and the
 *   long window's average request rate is at least the minimum-traffic guard, if any;</li>
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

    /** One window pair of an alert: both windows' ratio above {@code threshold}; a long-window request rate of at
     *  least {@code minPerSecond} when that is positive. */
    public record Pair(Duration longWindow, Duration shortWindow, BigDecimal threshold, BigDecimal minPerSecond) {
    }

    /**
     * How the generated rules compute a window's ratio: from rates over a base window, or directly when
     * {@code baseWindow} is null. With {@code gauge}, the SLI is a 0/1 gauge per instance averaged over the window
     * ({@code avg_over_time(up[w])}, which exists from the first sample) instead of counters.
     */
    public record Shape(Duration baseWindow, boolean gauge) {
        public static final Shape DIRECT = new Shape(null, false);

        public Shape(Duration baseWindow) {
            this(baseWindow, false);
        }
    }

    private static final BigDecimal TIE = new BigDecimal("1e-9");

    private AlertTimeline() {
    }

    /** The state after the evaluation at every slot {@code 0..traffic.steps()} (evaluation interval = step). */
    public static List<State> states(SyntheticTraffic traffic, Shape shape, List<Pair> pairs, Duration hold,
                                     Duration keepFiringFor) {
        List<State> states = new ArrayList<>();
        long step = traffic.step().toMillis();
        Long activeAt = null;
        Long keepFiringSince = null;
        boolean firing = false;
        for (int slot = 0; slot <= traffic.steps(); slot++) {
            long ts = slot * step;
            if (anyHolds(traffic, shape, pairs, slot)) {
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

    private static boolean anyHolds(SyntheticTraffic traffic, Shape shape, List<Pair> pairs, int slot) {
        for (Pair pair : pairs) {
            if (holds(traffic, shape, pair, slot)) {
                return true;
            }
        }
        return false;
    }

    static boolean holds(SyntheticTraffic traffic, Shape shape, Pair pair, int slot) {
        Counts longWindow = counts(traffic, shape, pair.longWindow(), slot);
        Counts shortWindow = counts(traffic, shape, pair.shortWindow(), slot);
        return longWindow.above(pair.threshold()) && shortWindow.above(pair.threshold())
                && (pair.minPerSecond().signum() <= 0 || longWindow.perSecond().compareTo(pair.minPerSecond()) >= 0);
    }

    /** Bad and total requests a window's ratio is computed from, and the time they were counted over. */
    private record Counts(long bad, long total, long seconds, Duration window) {
        boolean above(BigDecimal threshold) {
            if (total == 0) {
                return false; // no traffic: the guarded ratio does not exist
            }
            BigDecimal limit = threshold.multiply(BigDecimal.valueOf(total));
            BigDecimal margin = BigDecimal.valueOf(bad).subtract(limit);
            if (margin.abs().compareTo(limit.multiply(TIE)) <= 0) {
                throw new IllegalStateException("error ratio " + bad + "/" + total + " over " + window
                        + " ties with the threshold " + threshold.toPlainString() + ": choose other traffic");
            }
            return margin.signum() > 0;
        }

        BigDecimal perSecond() {
            return seconds == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64);
        }
    }

    private static Counts counts(SyntheticTraffic traffic, Shape shape, Duration window, int slot) {
        if (shape.baseWindow() == null || shape.baseWindow().equals(window)) {
            return shape.gauge() ? gauge(traffic, window, slot) : direct(traffic, window, slot);
        }
        long bad = 0;
        long total = 0;
        long seconds = 0;
        int first = shape.gauge() ? 0 : 1; // rate() needs two samples, avg_over_time() one
        for (int point = Math.max(first, slot - traffic.stepsIn(window)); point <= slot; point++) {
            Counts base = shape.gauge() ? gauge(traffic, shape.baseWindow(), point)
                    : direct(traffic, shape.baseWindow(), point);
            bad += base.bad();
            total += base.total();
            seconds += base.seconds();
        }
        return new Counts(bad, total, seconds, window);
    }

    /**
     * {@code sum(1 - avg_over_time(up[window]))} and {@code count(avg_over_time(up[window]))} at {@code slot}, over
     * the samples in {@code [slot - window, slot]}: instances down summed over those samples divided by their number.
     * Each is scaled by a multiple of every possible sample count so that sums over evaluations stay whole numbers.
     */
    private static Counts gauge(SyntheticTraffic traffic, Duration window, int slot) {
        int from = Math.max(0, slot - traffic.stepsIn(window));
        long scale = lcmUpTo(traffic.stepsIn(window) + 1);
        long samples = slot - from + 1;
        long down = 0;
        for (int sample = from; sample <= slot; sample++) {
            down += traffic.badInStep(Math.max(0, sample - 1));
        }
        long instances = traffic.totalInStep(Math.max(0, slot - 1));
        return new Counts(down * (scale / samples), instances * scale, scale, window);
    }

    private static long lcmUpTo(int n) {
        long lcm = 1;
        for (int i = 2; i <= n; i++) {
            lcm = lcm / BigInteger.valueOf(lcm).gcd(BigInteger.valueOf(i)).longValue() * i;
        }
        return lcm;
    }

    /** {@code rate(counter[window])} at {@code slot}, as counts; nothing before the second sample. */
    private static Counts direct(SyntheticTraffic traffic, Duration window, int slot) {
        if (slot < 1) {
            return new Counts(0, 0, 0, window);
        }
        int from = Math.max(0, slot - traffic.stepsIn(window));
        return new Counts(traffic.badAt(slot) - traffic.badAt(from), traffic.totalAt(slot) - traffic.totalAt(from),
                window.toSeconds(), window);
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
