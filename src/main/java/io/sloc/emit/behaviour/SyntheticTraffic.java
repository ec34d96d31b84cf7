package io.sloc.emit.behaviour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Request traffic sampled every {@code step}: a run of segments, each a number of steps with a constant count of
 * requests per step of which a constant count are bad (errors, or too slow). Counts are integers, so the counters
 * built from them are exact in float64 and every window's error ratio can be computed exactly.
 */
public record SyntheticTraffic(Duration step, List<Segment> segments) {
    /** {@code steps} steps, each with {@code total} requests of which {@code bad} are bad. */
    public record Segment(int steps, long total, long bad) {
        public Segment {
            if (steps <= 0 || total < 0 || bad < 0 || bad > total) {
                throw new IllegalArgumentException("bad segment " + steps + "x" + total + "/" + bad);
            }
        }
    }

    public SyntheticTraffic {
        segments = List.copyOf(segments);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
    }

    public static SyntheticTraffic of(Duration step, Segment... segments) {
        return new SyntheticTraffic(step, List.of(segments));
    }

    /** Number of steps; samples exist at slots {@code 0..steps()} inclusive. */
    public int steps() {
        int steps = 0;
        for (Segment segment : segments) {
            steps += segment.steps();
        }
        return steps;
    }

    /** Requests counted by the sample at {@code slot} (time {@code slot * step}): all steps before it. */
    public long totalAt(int slot) {
        return cumulative(slot, false);
    }

    /** Bad requests counted by the sample at {@code slot}. */
    public long badAt(int slot) {
        return cumulative(slot, true);
    }

    private long cumulative(int slot, boolean bad) {
        long sum = 0;
        int remaining = slot;
        for (Segment segment : segments) {
            int taken = Math.min(remaining, segment.steps());
            sum += taken * (bad ? segment.bad() : segment.total());
            remaining -= taken;
            if (remaining == 0) {
                break;
            }
        }
        return sum;
    }

    /** Bad requests (for a gauge SLI: instances down) in step {@code step}, i.e. between slots step and step+1. */
    public long badInStep(int step) {
        return badAt(step + 1) - badAt(step);
    }

    /** Requests (for a gauge SLI: instances) in step {@code step}. */
    public long totalInStep(int step) {
        return totalAt(step + 1) - totalAt(step);
    }

    /**
     * 0/1 gauge samples of instance {@code instance} (of {@code totalInStep} instances): the sample at a slot
     * reports the step just ended (slot 0 the first step), with instances {@code 0..bad-1} down.
     */
    public List<Double> gauge(int instance) {
        List<Double> values = new ArrayList<>();
        for (int slot = 0; slot <= steps(); slot++) {
            values.add(instance < badInStep(Math.max(0, slot - 1)) ? 0.0 : 1.0);
        }
        return values;
    }

    /** The counter samples of the good or bad requests, slot by slot. */
    public List<Double> counter(boolean bad) {
        List<Double> values = new ArrayList<>();
        for (int slot = 0; slot <= steps(); slot++) {
            values.add((double) (bad ? badAt(slot) : totalAt(slot) - badAt(slot)));
        }
        return values;
    }

    /** The counter samples of all requests, slot by slot. */
    public List<Double> totalCounter() {
        List<Double> values = new ArrayList<>();
        for (int slot = 0; slot <= steps(); slot++) {
            values.add((double) totalAt(slot));
        }
        return values;
    }

    /** Steps in {@code window}; the window must be a whole number of steps. */
    public int stepsIn(Duration window) {
        if (window.toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException(window + " is not a multiple of the step " + step);
        }
        return (int) (window.toMillis() / step.toMillis());
    }
}
