package io.sloc.emit.behaviour;

import io.sloc.emit.behaviour.AlertTimeline.Inputs;
import io.sloc.emit.behaviour.AlertTimeline.Pair;
import io.sloc.emit.behaviour.AlertTimeline.Shape;
import io.sloc.emit.behaviour.AlertTimeline.State;
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
 * The straightforward {@link AlertTimeline} that it replaced, kept as the oracle of {@code FastTimelineTest}: every
 * longer window re-sums its base rates and every gauge window its samples, at every slot. Same semantics, same
 * exact arithmetic (longs, reduced as they are summed), none of the speed.
 */
final class StepByStepTimeline {
    private static final BigDecimal TIE = new BigDecimal("1e-9");

    private final PromqlProfile profile;
    private final SyntheticTraffic traffic;
    private final Shape shape;
    /** The base (or direct) window's counts at every slot, per window: the averages read each many times. */
    private final Map<Duration, Counts[]> windowCounts = new HashMap<>();

    private StepByStepTimeline(PromqlProfile profile, SyntheticTraffic traffic, Shape shape) {
        this.profile = profile;
        this.traffic = traffic;
        this.shape = shape;
    }

    /**
     * The state after the evaluation at every slot {@code 0..traffic.steps()} (evaluation interval = step), with
     * the range windows of {@code profile}.
     */
    static List<State> states(PromqlProfile profile, SyntheticTraffic traffic, Shape shape, List<Pair> pairs,
                              Duration hold, Duration keepFiringFor) {
        StepByStepTimeline timeline = new StepByStepTimeline(profile, traffic, shape);
        List<State> states = new ArrayList<>();
        long step = traffic.step().toMillis();
        Long activeAt = null;
        Long keepFiringSince = null;
        boolean firing = false;
        for (int slot = 0; slot <= traffic.steps(); slot++) {
            long ts = slot * step;
            if (timeline.anyHolds(pairs, slot)) {
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
    static Optional<BigDecimal> errorRatio(PromqlProfile profile, SyntheticTraffic traffic, Shape shape,
                                           Duration window, int slot) {
        Counts counts = new StepByStepTimeline(profile, traffic, shape).counts(window, slot);
        return counts.total() == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(counts.bad())
                .divide(BigDecimal.valueOf(counts.total()), MathContext.DECIMAL128));
    }

    private boolean anyHolds(List<Pair> pairs, int slot) {
        for (Pair pair : pairs) {
            if (holds(pair, slot)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(Pair pair, int slot) {
        Counts longWindow = counts(pair.longWindow(), slot);
        Counts shortWindow = counts(pair.shortWindow(), slot);
        return longWindow.above(pair.threshold()) && shortWindow.above(pair.threshold())
                && (pair.minPerSecond().signum() <= 0 || longWindow.atLeastPerSecond(pair.minPerSecond()));
    }

    /**
     * Bad and total requests per second as fractions {@code bad / scale} and {@code total / scale} of requests per
     * {@code seconds}: a rate over w is one of w seconds, an average of N such rates their sum over N × w seconds.
     * For a gauge SLI each evaluation counts as one second, so the total "per second" is the instance count.
     */
    private record Counts(long bad, long total, long seconds, long scale) {
        static final Counts NONE = new Counts(0, 0, 0, 1);

        Counts {
            long gcd = gcd(gcd(bad, total), scale);
            if (gcd > 1) {
                bad /= gcd;
                total /= gcd;
                scale /= gcd;
            }
        }

        Counts plus(Counts other) {
            long common = scale / gcd(scale, other.scale) * other.scale;
            long mine = common / scale;
            long theirs = common / other.scale;
            return new Counts(Math.addExact(Math.multiplyExact(bad, mine), Math.multiplyExact(other.bad, theirs)),
                    Math.addExact(Math.multiplyExact(total, mine), Math.multiplyExact(other.total, theirs)),
                    seconds + other.seconds, common);
        }

        boolean above(BigDecimal threshold) {
            if (total == 0) {
                return false; // no traffic: the guarded ratio does not exist
            }
            BigDecimal limit = threshold.multiply(BigDecimal.valueOf(total));
            BigDecimal margin = BigDecimal.valueOf(bad).subtract(limit);
            if (margin.abs().compareTo(limit.multiply(TIE)) <= 0) {
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

    private Counts counts(Duration window, int slot) {
        if (shape.baseWindow() == null || shape.baseWindow().equals(window)) {
            return windowCounts(window)[slot];
        }
        Counts[] base = windowCounts(shape.baseWindow());
        Counts sum = Counts.NONE;
        for (int point = AlertTimeline.firstSlotIn(profile, traffic.step(), window, slot); point <= slot; point++) {
            sum = sum.plus(base[point]);
        }
        return sum;
    }

    private Counts[] windowCounts(Duration window) {
        return windowCounts.computeIfAbsent(window, w -> {
            Counts[] all = new Counts[traffic.steps() + 1];
            for (int slot = 0; slot < all.length; slot++) {
                all[slot] = shape.inputs() == Inputs.GAUGE ? gauge(w, slot) : rates(w, slot);
            }
            return all;
        });
    }

    /**
     * {@code sum(1 - avg_over_time(up[window]))} and {@code count(avg_over_time(up[window]))} at {@code slot}:
     * instances down summed over the window's samples, over the number of samples.
     */
    private Counts gauge(Duration window, int slot) {
        int from = AlertTimeline.firstSlotIn(profile, traffic.step(), window, slot);
        long down = 0;
        for (int sample = from; sample <= slot; sample++) {
            down += traffic.badInStep(Math.max(0, sample - 1));
        }
        long samples = slot - from + 1;
        long instances = traffic.totalInStep(Math.max(0, slot - 1));
        return new Counts(down, instances * samples, 1, samples);
    }

    /** The rules' bad and total rates over {@code window} at {@code slot}, each counter extrapolated on its own. */
    private Counts rates(Duration window, int slot) {
        int first = AlertTimeline.firstSlotIn(profile, traffic.step(), window, slot);
        int intervals = slot - first;
        if (intervals < 1) {
            return Counts.NONE;
        }
        long toStart = first - (slot - traffic.stepsIn(window));
        long bad = extrapolated(traffic.badAt(first), traffic.badAt(slot), intervals, toStart);
        long good = extrapolated(traffic.totalAt(first) - traffic.badAt(first),
                traffic.totalAt(slot) - traffic.badAt(slot), intervals, toStart);
        long total = extrapolated(traffic.totalAt(first), traffic.totalAt(slot), intervals, toStart);
        return switch (shape.inputs()) {
            case BAD_AND_GOOD -> new Counts(bad, bad + good, window.toSeconds(), intervals);
            case BAD_AND_TOTAL -> new Counts(bad, total, window.toSeconds(), intervals);
            case GOOD_AND_TOTAL -> new Counts(total - good, total, window.toSeconds(), intervals);
            case NATIVE_HISTOGRAM -> nativeRates(total, traffic.totalAt(slot) - traffic.totalAt(first),
                    traffic.badAt(slot) - traffic.badAt(first), window, intervals);
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
            return new Counts(0, 0, window.toSeconds(), intervals);
        }
        return new Counts(Math.multiplyExact(total, badIncrease), Math.multiplyExact(total, totalIncrease),
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
}
