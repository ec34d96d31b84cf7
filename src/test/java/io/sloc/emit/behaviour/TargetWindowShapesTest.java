package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.TestCompiles;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Service;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where Hatago's availability alerts fire at other times under Prometheus 3's left-open windows than under 2.42's
 * closed ones, so that tests computed for 2.42 fail under 3 (and why), and where the times agree (and why). The
 * page is the 1h/5m pair: 14.4 x the 0.05% budget = 0.0072, for 2m, keep_firing_for 5m; 6000 requests a minute.
 */
class TargetWindowShapesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long PER_MINUTE = 6000;
    private static SloUnderTest availability;
    private static SloUnderTest.Alert page;

    @BeforeAll
    static void hatago() {
        Service service = TestCompiles.hatago().spec().services().get(0);
        availability = AlertTestEmitter.underTest(RuleNames.SLOC, service, service.slos().stream()
                .filter(slo -> slo.name().equals("availability")).findFirst().orElseThrow());
        page = availability.alerts().get(0);
        assertThat(page.pairs().get(0).longWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(page.pairs().get(0).threshold()).isEqualByComparingTo("0.0072");
    }

    private static List<State> states(PromqlProfile profile, SyntheticTraffic traffic) {
        return new AlertTimeline(profile, traffic, availability.shape()).states(page.pairs(), page.hold(),
                page.keepFiringFor());
    }

    private static BigDecimal ratio(PromqlProfile profile, SyntheticTraffic traffic, Duration window, int slot) {
        return new AlertTimeline(profile, traffic, availability.shape()).errorRatio(window, slot).orElseThrow();
    }

    /**
     * 87 bad a minute from 1h (twice the threshold). The 1h ratio averages the recorded 5m rates: 61 of them in
     * 2.42's [T - 1h, T], 60 in 3's (T - 1h, T]. The bad rates are the same in both: 87 x (1 + 2 + 3 + 4 + 5 x 28)
     * requests in all at 1h32m (3 sees 4 intervals of a 5m window and extrapolates them by one, except while the
     * bad counter still starts at 0 in the window, where it stops at that zero). So are the totals, 5 x 6000 per
     * rate, but for the k-th minute of the ramp (k = 1..4), where 3 extrapolates the good counter by a step the bad
     * counter does not get: 5/4 x 87 x k - 87 x k = 21.75 x k fewer. One rate fewer is what crosses 0.0072 one
     * evaluation sooner: the page fires at 1h34m under 3, at 1h35m under 2.42.
     */
    @Test
    void aBurnAtTwiceTheThresholdPagesOneEvaluationSoonerUnderPrometheus3() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, PER_MINUTE, 0),
                new Segment(70, PER_MINUTE, 87));
        long bad = 87 * (1 + 2 + 3 + 4 + 5 * 28);
        long fiveMinutes = 5 * PER_MINUTE;
        assertThat(ratio(PromqlProfile.V2_42, traffic, Duration.ofHours(1), 92))
                .isEqualByComparingTo(fraction(bad, 61 * fiveMinutes)).isLessThan(new BigDecimal("0.0072"));
        assertThat(ratio(PromqlProfile.V3_14, traffic, Duration.ofHours(1), 92))
                .isEqualByComparingTo(fraction(2 * bad, 2 * 60 * fiveMinutes - 435)) // 2 x 21.75 x (1 + 2 + 3 + 4)
                .isGreaterThan(new BigDecimal("0.0072"));
        assertThat(fraction(bad, 60 * fiveMinutes)).as("without the ramp's smaller totals, still above")
                .isGreaterThan(new BigDecimal("0.0072"));

        List<State> for242 = states(PromqlProfile.V2_42, traffic);
        List<State> for3 = states(PromqlProfile.V3_14, traffic);
        assertThat(AlertTimeline.first(for242, State.FIRING, 0)).isEqualTo(95);
        assertThat(AlertTimeline.first(for3, State.FIRING, 0)).isEqualTo(94);
        // A test computed for 2.42 expects no page at 1h34m; Prometheus 3 has one.
        assertThat(for242.get(94)).isEqualTo(State.PENDING);
        assertThat(for3.get(94)).isEqualTo(State.FIRING);
    }

    /**
     * A total outage from 1h to 1h9m: the last failed requests are counted by the sample at 1h9m. At 1h13m 2.42's
     * 5m window [1h8m, 1h13m] still sees them; 3's (1h8m, 1h13m] starts at the 1h9m sample and sees none. So the
     * short window is clean, and keep_firing_for's 5m start, one evaluation sooner: the page stops at 1h18m under 3
     * instead of 1h19m.
     */
    @Test
    void afterAnOutageThePageStopsOneEvaluationSoonerUnderPrometheus3() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, PER_MINUTE, 0),
                new Segment(9, PER_MINUTE, PER_MINUTE), new Segment(30, PER_MINUTE, 0));
        Duration base = availability.shape().baseWindow();
        assertThat(ratio(PromqlProfile.V2_42, traffic, base, 73)).isEqualByComparingTo(fraction(1, 5));
        assertThat(ratio(PromqlProfile.V3_14, traffic, base, 73)).isZero();

        List<State> for242 = states(PromqlProfile.V2_42, traffic);
        List<State> for3 = states(PromqlProfile.V3_14, traffic);
        assertThat(AlertTimeline.first(for242, State.INACTIVE, 70)).isEqualTo(79);
        assertThat(AlertTimeline.first(for3, State.INACTIVE, 70)).isEqualTo(78);
    }

    /**
     * The same outage pages at 1h4m under both: the 1h ratio is about 6000 / (N x 30000) after one failed minute
     * and three times that after two, for N = 61 (2.42) or 60 (3) averaged rates (3's first rates of the outage
     * have slightly smaller totals: the good counter's rate is extrapolated, the bad one's stops at its zero). Those
     * differences move it by a few percent of itself, while each failed minute moves it across the threshold's
     * whole gap (about 0.0033, then 0.0098 or 0.0100, against 0.0072), so it crosses on the same evaluation and
     * for 2m ends on the same one too.
     */
    @Test
    void aTotalOutagePagesAtTheSameTimeUnderBoth() {
        SyntheticTraffic traffic = SyntheticTraffic.of(MINUTE, new Segment(60, PER_MINUTE, 0),
                new Segment(9, PER_MINUTE, PER_MINUTE), new Segment(30, PER_MINUTE, 0));
        for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
            assertThat(ratio(profile, traffic, Duration.ofHours(1), 61)).as("%s", profile)
                    .isBetween(new BigDecimal("0.0032"), new BigDecimal("0.0036"));
            assertThat(ratio(profile, traffic, Duration.ofHours(1), 62)).as("%s", profile)
                    .isBetween(new BigDecimal("0.0097"), new BigDecimal("0.0105"));
            assertThat(AlertTimeline.first(states(profile, traffic), State.FIRING, 0)).as("%s", profile)
                    .isEqualTo(64);
        }
    }

    private static BigDecimal fraction(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128);
    }
}
