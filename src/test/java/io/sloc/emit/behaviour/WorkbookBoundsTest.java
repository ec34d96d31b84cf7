package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.behaviour.AlertTimeline.Pair;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The computed timelines keep the SRE workbook's promises for a total outage, over a grid of policies: detection
 * within the workbook's time (factor x budget x long window) plus the base window and a step of rounding, plus for;
 * reset within the short window plus the base window and a step, plus keep_firing_for.
 */
class WorkbookBoundsTest {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration BASE = Duration.ofMinutes(5);

    /** Both window shapes keep the bounds: 3.x's left-open windows move times by a step at most. */
    @ParameterizedTest(name = "Prometheus {0}")
    @ValueSource(strings = {"2.42", "3.14"})
    void detectionAndResetStayWithinTheWorkbookBounds(String version) {
        PromqlProfile profile = PromqlProfile.forName(version);
        int checked = 0;
        for (String budget : List.of("0.01", "0.001", "0.0005")) {
            for (String[] window : new String[][] {{"60", "5", "14.4"}, {"360", "30", "6"}, {"120", "10", "20"}}) {
                for (int hold : new int[] {0, 2, 15}) {
                    for (int keep : new int[] {0, 5}) {
                        checked += check(profile, new BigDecimal(budget), Integer.parseInt(window[0]),
                                Integer.parseInt(window[1]), new BigDecimal(window[2]), hold, keep);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 3 * 3 * 2);
    }

    private static int check(PromqlProfile profile, BigDecimal budget, int longMinutes, int shortMinutes, BigDecimal factor, int hold,
                             int keep) {
        BigDecimal threshold = factor.multiply(budget);
        Pair pair = new Pair(Duration.ofMinutes(longMinutes), Duration.ofMinutes(shortMinutes), threshold,
                BigDecimal.ZERO);
        int warm = longMinutes;
        int outage = 60;
        SyntheticTraffic traffic = SyntheticTraffic.of(STEP, new Segment(warm, 1000, 0),
                new Segment(outage, 1000, 1000), new Segment(longMinutes, 1000, 0));
        List<State> states = new AlertTimeline(profile, traffic,
                new AlertTimeline.Shape(BASE, AlertTimeline.Inputs.BAD_AND_GOOD)).states(List.of(pair),
                Duration.ofMinutes(hold), Duration.ofMinutes(keep));
        int fired = AlertTimeline.first(states, State.FIRING, 0);
        double workbookMinutes = threshold.doubleValue() * longMinutes; // error ratio 1
        assertThat(fired - warm).as("detection of %s", pair)
                .isPositive().isLessThanOrEqualTo((int) Math.ceil(workbookMinutes + BASE.toMinutes()) + 1 + hold);
        int recovered = warm + outage;
        int cleared = AlertTimeline.first(states, State.INACTIVE, recovered);
        assertThat(states.subList(fired, recovered + 1)).as("firing through the outage").containsOnly(State.FIRING);
        assertThat(cleared - recovered).as("reset of %s", pair)
                .isPositive().isLessThanOrEqualTo(shortMinutes + (int) BASE.toMinutes() + 1 + keep);
        return 1;
    }
}
