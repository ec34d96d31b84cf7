package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.behaviour.AlertTimeline.Inputs;
import io.sloc.emit.behaviour.AlertTimeline.Pair;
import io.sloc.emit.behaviour.AlertTimeline.Shape;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link AlertTimeline}'s prefix sums and closed forms against {@link StepByStepTimeline}, the re-summing it
 * replaced: the same states (or the same refusal of a tie) and the same window ratios, over random policies,
 * shapes, profiles and traffic.
 */
class FastTimelineTest {
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofSeconds(150),
            Duration.ofMinutes(5));

    /** One random case: everything a timeline and its states take. */
    record Case(PromqlProfile profile, SyntheticTraffic traffic, Shape shape, List<Pair> pairs, Duration hold,
                Duration keepFiringFor) {
        List<Duration> windows() {
            List<Duration> windows = new ArrayList<>();
            Optional.ofNullable(shape.baseWindow()).ifPresent(windows::add);
            pairs.forEach(p -> {
                windows.add(p.longWindow());
                windows.add(p.shortWindow());
            });
            return windows;
        }
    }

    @Property(tries = 300)
    void statesAreTheStepByStepOnes(@ForAll("cases") Case c) {
        Outcome<List<State>> expected = Outcome.expected(() -> StepByStepTimeline.states(c.profile(), c.traffic(),
                c.shape(), c.pairs(), c.hold(), c.keepFiringFor()));
        Outcome<List<State>> actual = Outcome.of(() -> new AlertTimeline(c.profile(), c.traffic(),
                c.shape()).states(c.pairs(), c.hold(), c.keepFiringFor()));
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 100)
    void windowRatiosAreTheStepByStepOnes(@ForAll("cases") Case c) {
        AlertTimeline timeline = new AlertTimeline(c.profile(), c.traffic(), c.shape());
        for (Duration window : c.windows()) {
            for (int slot = 0; slot <= c.traffic().steps(); slot++) {
                int at = slot;
                Outcome<Optional<BigDecimal>> expected = Outcome.expected(() ->
                        StepByStepTimeline.errorRatio(c.profile(), c.traffic(), c.shape(), window, at));
                Outcome<Optional<BigDecimal>> actual = Outcome.of(() -> timeline.errorRatio(window, at));
                assertThat(actual).as("%s at slot %d", window, slot).isEqualTo(expected);
            }
        }
    }

    /** A result, or the tie the timelines refuse to decide. */
    record Outcome<T>(T value, boolean tie) {
        static <T> Outcome<T> of(Supplier<T> computation) {
            try {
                return new Outcome<>(computation.get(), false);
            } catch (IllegalStateException e) {
                return new Outcome<>(null, true);
            }
        }

        /** The oracle's outcome; where its step-by-step sums overflow there is nothing to compare with. */
        static <T> Outcome<T> expected(Supplier<T> stepByStep) {
            try {
                return of(stepByStep);
            } catch (ArithmeticException overflow) {
                Assume.that(false);
                throw overflow;
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(PromqlProfile.V2_42, PromqlProfile.V3_14), Arbitraries.of(STEPS),
                Arbitraries.of(Inputs.values()), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 4),
                Arbitraries.randomValue(random -> random.nextLong()))
                .as((profile, step, inputs, baseSteps, holdSteps, keepSteps, seed) -> {
                    Random random = new Random(seed);
                    SyntheticTraffic traffic = traffic(random, step, inputs == Inputs.GAUGE);
                    List<Pair> pairs = new ArrayList<>();
                    for (int i = random.nextInt(3); i >= 0; i--) {
                        pairs.add(new Pair(step.multipliedBy(1 + random.nextInt(40)),
                                step.multipliedBy(1 + random.nextInt(8)),
                                BigDecimal.valueOf(1 + random.nextInt(999), 3),
                                random.nextBoolean() ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(50), 1)));
                    }
                    return new Case(profile, traffic, new Shape(baseSteps == 0 ? null : step.multipliedBy(baseSteps),
                            inputs), pairs, step.multipliedBy(holdSteps), step.multipliedBy(keepSteps));
                });
    }

    /** Up to six segments of up to 40 steps: idle, clean, partly or wholly bad; a gauge's up to 10 instances. */
    private static SyntheticTraffic traffic(Random random, Duration step, boolean gauge) {
        List<Segment> segments = new ArrayList<>();
        for (int i = random.nextInt(6); i >= 0; i--) {
            long total = gauge ? 1 + random.nextInt(10) : random.nextInt(4) == 0 ? 0 : random.nextInt(3000);
            long bad = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> total;
                default -> total == 0 ? 0 : random.nextLong(total + 1);
            };
            segments.add(new Segment(1 + random.nextInt(40), total, bad));
        }
        return new SyntheticTraffic(step, segments);
    }
}
