package io.sloc.emit.behaviour;

import static io.sloc.emit.behaviour.AlertTimeline.State.FIRING;
import static io.sloc.emit.behaviour.AlertTimeline.State.INACTIVE;
import static io.sloc.emit.behaviour.AlertTimeline.State.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.emit.behaviour.AlertTimeline.Inputs;
import io.sloc.emit.behaviour.AlertTimeline.Pair;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTimelineTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** 99.95%, 2% of a 30d budget in 1h: factor 14.4, threshold 0.0072. */
    private static final Pair FAST = new Pair(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("0.0072"),
            BigDecimal.ZERO);
    /** Rates taken over each window directly, from a bad and a good counter. */
    private static final AlertTimeline.Shape DIRECT = new AlertTimeline.Shape(null, Inputs.BAD_AND_GOOD);

    /** The timeline with Prometheus 2.42's closed windows, which these expectations were checked against. */
    private static List<State> states(SyntheticTraffic traffic, AlertTimeline.Shape shape, List<Pair> pairs,
                                      Duration hold, Duration keepFiringFor) {
        return new AlertTimeline(PromqlProfile.V2_42, traffic, shape).states(pairs, hold, keepFiringFor);
    }

    /**
     * rate() scales a native histogram's increase by one extrapolation factor, so the window's error ratio is the
     * slow share of the requests between its first and last sample, whatever the extrapolation or zero cut-off.
     */
    @Test
    void aNativeHistogramsWindowRatioIsTheSlowShareOfItsIncrease() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(3, 50, 50), new Segment(7, 1000, 10),
                new Segment(4, 0, 0), new Segment(6, 300, 299));
        AlertTimeline.Shape shape = new AlertTimeline.Shape(null, Inputs.NATIVE_HISTOGRAM);
        Duration window = Duration.ofMinutes(5);
        for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
            for (int slot = 0; slot <= traffic.steps(); slot++) {
                int first = AlertTimeline.firstSlotIn(profile, MINUTE, window, slot);
                long total = traffic.totalAt(slot) - traffic.totalAt(first);
                long bad = traffic.badAt(slot) - traffic.badAt(first);
                var ratio = new AlertTimeline(profile, traffic, shape).errorRatio(window, slot);
                if (slot - first < 1 || total == 0) {
                    assertThat(ratio).as("%s slot %d", profile, slot).isEmpty();
                } else {
                    assertThat(ratio).as("%s slot %d", profile, slot).hasValueSatisfying(r -> assertThat(r)
                            .isEqualByComparingTo(BigDecimal.valueOf(bad).divide(BigDecimal.valueOf(total),
                                    java.math.MathContext.DECIMAL128)));
                }
            }
        }
    }

    @Test
    void aTotalOutagePagesOnTheFirstEvaluationThatSeesAFailedRequest() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 2000, 0), new Segment(10, 2000, 2000));
        List<State> states = states(traffic, DIRECT, List.of(FAST), Duration.ZERO, Duration.ZERO);
        assertThat(states.subList(0, 61)).containsOnly(INACTIVE);
        assertThat(states.get(61)).isEqualTo(FIRING);
    }

    @Test
    void forKeepsTheAlertPendingFirst() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 2000, 0), new Segment(10, 2000, 2000));
        List<State> states = states(traffic, DIRECT, List.of(FAST), Duration.ofMinutes(2), Duration.ZERO);
        assertThat(states.subList(61, 64)).containsExactly(PENDING, PENDING, FIRING);
    }

    @Test
    void aPartialOutageTakesTheWorkbookDetectionTime() {
        // 3.6% errors = 5 x 0.0072: ratio over 1h after k minutes is 0.036 k / 60 > 0.0072 iff k > 12 (exactly 12 ties)
        // so use 100 of 2500 = 4%: k > 10.8, the workbook's (1 - SLO) / error ratio x window x burn = 0.0072/0.04 h.
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 2500, 0), new Segment(30, 2500, 100));
        List<State> states = states(traffic, DIRECT, List.of(FAST), Duration.ZERO, Duration.ZERO);
        assertThat(AlertTimeline.first(states, FIRING, 0)).isEqualTo(60 + 11);
    }

    @Test
    void afterRecoveryTheAlertClearsOnceTheShortWindowIsClean() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 2000, 0), new Segment(10, 2000, 2000),
                new Segment(60, 2000, 0));
        List<State> states = states(traffic, DIRECT, List.of(FAST), Duration.ZERO, Duration.ZERO);
        assertThat(states.get(74)).isEqualTo(FIRING);
        assertThat(states.get(75)).isEqualTo(INACTIVE);
        List<State> kept = states(traffic, DIRECT, List.of(FAST), Duration.ZERO, Duration.ofMinutes(10));
        assertThat(kept.get(84)).isEqualTo(FIRING);
        assertThat(kept.get(85)).isEqualTo(INACTIVE);
    }

    @Test
    void chainedRulesAverageTheBaseWindowRates() {
        // 1h ratio = sum over the 61 evaluations in [T-1h, T] of 5m bad counts / their totals: after k minutes of a
        // total outage the bad counts are 1, 2, 3, 4, 5, 5... x 2000 against 61 x 5 x 2000: above 0.0072 once the
        // sum exceeds 2.196, i.e. at k = 2 (the direct ratio already holds at k = 1).
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 2000, 0), new Segment(10, 2000, 2000));
        List<State> states = states(traffic, new AlertTimeline.Shape(Duration.ofMinutes(5), Inputs.BAD_AND_GOOD),
                List.of(FAST), Duration.ZERO, Duration.ZERO);
        assertThat(AlertTimeline.first(states, FIRING, 0)).isEqualTo(62);
    }

    @Test
    void aGaugeSliAveragesTheDownSamplesOfEachInstance() {
        // 10 instances of up, all down from the 60th step (samples at 0 from slot 61). The 5m base window at slot
        // 60 + m averages min(m, 6) of its 6 samples at 0; the 1h ratio sums those over its 61 evaluations:
        // (1 + 2 + 3) / 6 / 61 = 0.0164 > 0.0144 (99.9%, factor 14.4) at m = 3, while (1 + 2) / 6 / 61 = 0.0082 is not.
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, 10, 0), new Segment(10, 10, 10));
        AlertTimeline.Shape gauge = new AlertTimeline.Shape(Duration.ofMinutes(5), Inputs.GAUGE);
        Pair fast999 = new Pair(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("0.0144"), BigDecimal.ZERO);
        List<State> states = states(traffic, gauge, List.of(fast999), Duration.ZERO, Duration.ZERO);
        assertThat(AlertTimeline.first(states, FIRING, 0)).isEqualTo(63);
        assertThat(traffic.gauge(0).subList(59, 63)).containsExactly(1.0, 1.0, 0.0, 0.0);
    }

    @Test
    void zeroTrafficAndTooLittleTrafficNeverFire() {
        SyntheticTraffic idle = SyntheticTraffic.of(MINUTE, new Segment(120, 0, 0));
        assertThat(states(idle, DIRECT, List.of(FAST), Duration.ZERO, Duration.ZERO)).containsOnly(INACTIVE);
        Pair guarded = new Pair(FAST.longWindow(), FAST.shortWindow(), FAST.threshold(), BigDecimal.ONE);
        SyntheticTraffic trickle = SyntheticTraffic.of(MINUTE, new Segment(120, 59, 59)); // < 1 per second
        assertThat(states(trickle, DIRECT, List.of(guarded), Duration.ZERO, Duration.ZERO)).containsOnly(INACTIVE);
    }

    @Test
    void aRatioOnTheThresholdIsRefusedRatherThanGuessed() {
        SyntheticTraffic exact = SyntheticTraffic.of(MINUTE, new Segment(60, 2500, 18));
        assertThatThrownBy(() -> states(exact, DIRECT, List.of(FAST), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("ties with the threshold 0.0072");
    }

    /** Asked to, a tie is not above the threshold (the rules' strict >); one request more is. */
    @Test
    void aRatioOnTheThresholdCanCountAsBelowIt() {
        SyntheticTraffic exact = SyntheticTraffic.of(MINUTE, new Segment(60, 2500, 18));
        assertThat(new AlertTimeline(PromqlProfile.V3_14, exact, DIRECT).states(List.of(FAST), Duration.ZERO,
                Duration.ZERO, AlertTimeline.Ties.BELOW)).containsOnly(INACTIVE);
        SyntheticTraffic above = SyntheticTraffic.of(MINUTE, new Segment(60, 2500, 19));
        assertThat(new AlertTimeline(PromqlProfile.V3_14, above, DIRECT).states(List.of(FAST), Duration.ZERO,
                Duration.ZERO, AlertTimeline.Ties.BELOW)).contains(FIRING);
    }
}
