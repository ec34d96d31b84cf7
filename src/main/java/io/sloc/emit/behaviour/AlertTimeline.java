package io.sloc.emit.behaviour;

import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a multiwindow burn-rate alert is inactive, pending or firing under {@link SyntheticTraffic}, computed from the
 * policy, the shape of the generated rules and the target Prometheus's range windows alone, in exact arithmetic.
 * Samples and evaluations share one step, every window is a whole number of steps, and which samples a window
 * ending at an evaluation holds is the profile's answer ({@link PromqlProfile#rangeWindowFirstTimestamp}): all of
 * {@code [T - w, T]} in Prometheus 2.42, one fewer in 3.x where the window is left-open {@code (T - w, T]}.
 * <ul>
 *   <li>{@code rate(counter[w])} at T, for a counter whose first sample in the window is at slot f, n sample
 *   intervals before T: Prometheus extrapolates the increase from f back to the window start, unless the counter
 *   would reach zero sooner, so the rate is {@code (n × increase + min(d × increase, n × value at f)) / (n × w)},
 *   d being the whole steps between the window start and f. That is 0 in 2.42 (a sample sits on the window start:
 *   the rate is the plain increase over w) and 1 in 3.x (under the 1.1-interval threshold, so extrapolated all the
 *   way: the increase over the last n = w/step - 1 intervals scaled by (n + 1) / n, capped at the counter's value
 *   at T when it started from zero inside the window). A window reaching before the series start begins at its
 *   first sample, value 0, which caps the extrapolation at nothing. With fewer than two samples there is no rate.
 *   Extrapolation is not linear, so each input counter is rated on its own and combined as the rules combine them
 *   ({@link Inputs});</li>
 *   <li>a longer window W averages the recorded base rates ({@code avg_over_time(rate[W])}) over the evaluations
 *   the profile's window holds, so its error ratio is the sum of those bad rates over the sum of their totals
 *   (differences of prefix sums, so a window costs the same whatever its length).
 *   With {@code base == null} (rules that take {@code rate(counter[W])} directly) it is the rate over W;</li>
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

    /** The input series the SLI reads, which fixes how the rules combine their rates. */
    public enum Inputs {
        /** A counter of bad and one of good requests (one metric told apart by a label): the total rate sums the
         *  two series' rates. */
        BAD_AND_GOOD,
        /** A counter of bad requests and one of all requests. */
        BAD_AND_TOTAL,
        /** A counter of good requests and one of all requests (a histogram's bucket and count): the bad rate is
         *  the total rate minus the good one. */
        GOOD_AND_TOTAL,
        /** One native histogram: its rate is extrapolated as a whole (by its count), and the bad rate is that
         *  total rate times the share of slow requests in the window's increase ({@code 1 - histogram_fraction}). */
        NATIVE_HISTOGRAM,
        /** A 0/1 gauge per instance averaged over the window ({@code avg_over_time(up[w])}, which exists from the
         *  first sample). */
        GAUGE
    }

    /**
     * How the generated rules compute a window's ratio: from rates over a base window, or directly when
     * {@code baseWindow} is null; from which input series.
     */
    public record Shape(Duration baseWindow, Inputs inputs) {
    }

    /** What a ratio within a relative 1e-9 of a threshold, which float64 could put on either side, does. */
    public enum Ties {
        /** Throws: a test's expected times must not depend on rounding. */
        REFUSE,
        /** Counts as not above, as an exact tie is under the rules' strict {@code >}: for a report, whose times
         *  may then be an evaluation late. */
        BELOW
    }

    private static final BigDecimal TIE = new BigDecimal("1e-9");

    private final PromqlProfile profile;
    private final SyntheticTraffic traffic;
    private final Shape shape;
    /** The last slot evaluated. */
    private final int steps;
    /** The bad and all requests' counters at every slot of the traffic. */
    private final long[] badCounter;
    private final long[] totalCounter;
    /** Every window's counts at every slot of the traffic, made on first use. */
    private final Map<Duration, Counts[]> windowCounts;

    /** The timeline of alerts on {@code shape}'s rules under {@code traffic}, with the range windows of
     *  {@code profile}; every alert asked about shares its window sums. */
    public AlertTimeline(PromqlProfile profile, SyntheticTraffic traffic, Shape shape) {
        this.profile = profile;
        this.traffic = traffic;
        this.shape = shape;
        steps = traffic.steps();
        badCounter = new long[steps + 1];
        totalCounter = new long[steps + 1];
        for (int slot = 0; slot <= steps; slot++) {
            badCounter[slot] = traffic.badAt(slot);
            totalCounter[slot] = traffic.totalAt(slot);
        }
        windowCounts = new HashMap<>();
    }

    private AlertTimeline(AlertTimeline whole, int lastSlot) {
        profile = whole.profile;
        traffic = whole.traffic;
        shape = whole.shape;
        steps = lastSlot;
        badCounter = whole.badCounter;
        totalCounter = whole.totalCounter;
        windowCounts = whole.windowCounts;
    }

    /**
     * This timeline up to {@code lastSlot}, sharing its window sums: the timeline of any traffic that runs as this
     * one does until then, since what the rules record at a slot depends on no later sample.
     */
    public AlertTimeline until(int lastSlot) {
        return new AlertTimeline(this, lastSlot);
    }

    /**
     * The state of the alert on {@code pairs} after the evaluation at every slot up to the last (evaluation
     * interval = step).
     */
    public List<State> states(List<Pair> pairs, Duration hold, Duration keepFiringFor) {
        return states(pairs, hold, keepFiringFor, Ties.REFUSE);
    }

    /** {@link #states(List, Duration, Duration)}, with ties to a threshold treated as {@code ties} says. */
    public List<State> states(List<Pair> pairs, Duration hold, Duration keepFiringFor, Ties ties) {
        List<State> states = new ArrayList<>();
        long step = traffic.step().toMillis();
        Long activeAt = null;
        Long keepFiringSince = null;
        boolean firing = false;
        List<Resolved> resolved = pairs.stream().map(p -> new Resolved(p, windowCounts(p.longWindow()),
                windowCounts(p.shortWindow()), ties)).toList();
        for (int slot = 0; slot <= steps; slot++) {
            long ts = slot * step;
            if (anyHolds(resolved, slot)) {
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

    /**
     * The error ratio the rules record for {@code window} at {@code slot}, to 34 digits; empty where they record
     * none (no traffic, or too few samples for a rate).
     */
    public Optional<BigDecimal> errorRatio(Duration window, int slot) {
        Counts counts = windowCounts(window)[slot];
        return counts.total() == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(counts.bad())
                .divide(BigDecimal.valueOf(counts.total()), MathContext.DECIMAL128));
    }

    /** The first slot a window of {@code window} ending at the evaluation at {@code slot} holds a sample of. */
    static int firstSlotIn(PromqlProfile profile, Duration step, Duration window, int slot) {
        long first = profile.rangeWindowFirstTimestamp(slot * step.toMillis(), window.toMillis());
        return (int) Math.max(0, -Math.floorDiv(-first, step.toMillis()));
    }

    /** A pair with its windows' counts at every slot. */
    private record Resolved(Pair pair, Counts[] longWindow, Counts[] shortWindow, Ties ties) {
        boolean holds(int slot) {
            return longWindow[slot].above(pair.threshold(), ties) && shortWindow[slot].above(pair.threshold(), ties)
                    && (pair.minPerSecond().signum() <= 0 || longWindow[slot].atLeastPerSecond(pair.minPerSecond()));
        }
    }

    private static boolean anyHolds(List<Resolved> pairs, int slot) {
        for (Resolved pair : pairs) {
            if (pair.holds(slot)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bad and total requests per second as fractions {@code bad / scale} and {@code total / scale} of requests per
     * {@code seconds}: a rate over w is one of w seconds, an average of N such rates their sum over N × w seconds.
     * For a gauge SLI each evaluation counts as one second, so the total "per second" is the instance count.
     */
    private record Counts(long bad, long total, long seconds, long scale) {
        static final Counts NONE = new Counts(0, 0, 0, 1);

        /** The counts in lowest terms, so that the scales of a run of slots have a small common multiple. */
        static Counts reduced(long bad, long total, long seconds, long scale) {
            long gcd = gcd(gcd(bad, total), scale);
            return new Counts(bad / gcd, total / gcd, seconds, scale / gcd);
        }

        boolean above(BigDecimal threshold, Ties ties) {
            if (total == 0) {
                return false; // no traffic: the guarded ratio does not exist
            }
            BigDecimal limit = threshold.multiply(BigDecimal.valueOf(total));
            BigDecimal margin = BigDecimal.valueOf(bad).subtract(limit);
            if (margin.abs().compareTo(limit.multiply(TIE)) <= 0) {
                if (ties == Ties.BELOW) {
                    return false;
                }
                throw new IllegalStateException("error ratio " + bad + "/" + total + " ties with the threshold "
                        + threshold.toPlainString() + ": choose other traffic");
            }
            return margin.signum() > 0;
        }

        boolean atLeastPerSecond(BigDecimal minimum) {
            return seconds > 0 && BigDecimal.valueOf(total)
                    .compareTo(minimum.multiply(BigDecimal.valueOf(scale)).multiply(BigDecimal.valueOf(seconds))) >= 0;
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The sums of one window's counts over any run of consecutive slots, in constant time: prefix sums over the
     * least common multiple of their scales, exact (an overflow throws).
     */
    private static final class RunningSums {
        private final long scale;
        private final long[] bad;
        private final long[] total;
        private final long[] seconds;

        RunningSums(Counts[] counts) {
            long common = 1;
            for (Counts c : counts) {
                common = Math.multiplyExact(common / gcd(common, c.scale()), c.scale());
            }
            scale = common;
            bad = new long[counts.length + 1];
            total = new long[counts.length + 1];
            seconds = new long[counts.length + 1];
            for (int slot = 0; slot < counts.length; slot++) {
                long factor = common / counts[slot].scale();
                bad[slot + 1] = Math.addExact(bad[slot], Math.multiplyExact(counts[slot].bad(), factor));
                total[slot + 1] = Math.addExact(total[slot], Math.multiplyExact(counts[slot].total(), factor));
                seconds[slot + 1] = seconds[slot] + counts[slot].seconds();
            }
        }

        /** The sum of the counts at slots {@code from..to}, both included. */
        Counts over(int from, int to) {
            return new Counts(bad[to + 1] - bad[from], total[to + 1] - total[from], seconds[to + 1] - seconds[from],
                    scale);
        }
    }

    /**
     * The counts of {@code window} at every slot: the rules' own rates (of the base window, or of every window
     * when there is none), or the base rates averaged over the window.
     */
    private Counts[] windowCounts(Duration window) {
        Counts[] counts = windowCounts.get(window);
        if (counts == null) {
            counts = new Counts[badCounter.length];
            int span = span(window);
            if (shape.baseWindow() == null || shape.baseWindow().equals(window)) {
                for (int slot = 0; slot < counts.length; slot++) {
                    int first = Math.max(0, slot - span);
                    counts[slot] = shape.inputs() == Inputs.GAUGE ? gauge(first, slot) : rates(window, first, slot);
                }
            } else {
                RunningSums base = new RunningSums(windowCounts(shape.baseWindow()));
                for (int slot = 0; slot < counts.length; slot++) {
                    counts[slot] = base.over(Math.max(0, slot - span), slot);
                }
            }
            windowCounts.put(window, counts);
        }
        return counts;
    }

    /** How many slots before an evaluation the {@link #firstSlotIn first slot} of {@code window} lies, once the
     *  series is older than the window. */
    private int span(Duration window) {
        int later = (int) (window.toMillis() / traffic.step().toMillis()) + 1;
        return later - firstSlotIn(profile, traffic.step(), window, later);
    }

    /**
     * {@code sum(1 - avg_over_time(up[window]))} and {@code count(avg_over_time(up[window]))} at {@code slot}, for
     * a window from slot {@code from}: instances down summed over the window's samples, over the number of samples.
     * The sample at a slot reports the step before it (slot 0 the first step), so the sum telescopes to differences
     * of the bad counter.
     */
    private Counts gauge(int from, int slot) {
        long down = badCounter[slot] - badCounter[Math.max(from, 1) - 1]
                + (from == 0 ? traffic.badInStep(0) : 0);
        long samples = slot - from + 1;
        long instances = traffic.totalInStep(Math.max(0, slot - 1));
        return Counts.reduced(down, instances * samples, 1, samples);
    }

    /**
     * The rules' bad and total rates over {@code window} at {@code slot}, whose first sample is at {@code first},
     * each counter extrapolated on its own.
     */
    private Counts rates(Duration window, int first, int slot) {
        int intervals = slot - first;
        if (intervals < 1) {
            return Counts.NONE;
        }
        long toStart = first - (slot - traffic.stepsIn(window));
        long bad = extrapolated(badCounter[first], badCounter[slot], intervals, toStart);
        long good = extrapolated(totalCounter[first] - badCounter[first],
                totalCounter[slot] - badCounter[slot], intervals, toStart);
        long total = extrapolated(totalCounter[first], totalCounter[slot], intervals, toStart);
        return switch (shape.inputs()) {
            case BAD_AND_GOOD -> Counts.reduced(bad, bad + good, window.toSeconds(), intervals);
            case BAD_AND_TOTAL -> Counts.reduced(bad, total, window.toSeconds(), intervals);
            case GOOD_AND_TOTAL -> Counts.reduced(total - good, total, window.toSeconds(), intervals);
            case NATIVE_HISTOGRAM -> nativeRates(total, totalCounter[slot] - totalCounter[first],
                    badCounter[slot] - badCounter[first], window, intervals);
            case GAUGE -> throw new IllegalStateException("a gauge SLI has no counters");
        };
    }

    /**
     * A native histogram's rates: the extrapolated count ({@code total / intervals} per window) with the slow share
     * {@code badIncrease / totalIncrease} of it bad; no requests in the window record 0 bad of 0.
     */
    private static Counts nativeRates(long total, long totalIncrease, long badIncrease, Duration window,
                                      int intervals) {
        if (totalIncrease == 0) {
            return Counts.reduced(0, 0, window.toSeconds(), intervals);
        }
        return Counts.reduced(Math.multiplyExact(total, badIncrease), Math.multiplyExact(total, totalIncrease),
                window.toSeconds(), Math.multiplyExact((long) intervals, totalIncrease));
    }

    /**
     * A counter's increase over the window times {@code intervals}, as Prometheus's extrapolatedRate computes it
     * for samples every step: extrapolated over {@code toStart} more steps, but not past the counter's zero.
     */
    private static long extrapolated(long firstValue, long lastValue, int intervals, long toStart) {
        long increase = lastValue - firstValue;
        return intervals * increase + Math.min(toStart * increase, intervals * firstValue);
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
