package io.sloc.emit.behaviour;

import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.promql.Durations;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The promtool test files that pin down one SLO's alerting behaviour on synthetic traffic. Every expected time is
 * computed by {@link AlertTimeline} from the policy (windows, thresholds, for, keep_firing_for) and the target
 * Prometheus's range windows, never copied from a run. Two files, so each can use a cheap evaluation interval:
 * <ul>
 *   <li>{@code <base>.yml}, 1m: a total outage makes the fastest severity (page) fire at the computed detection
 *   time and clear after recovery; an error ratio of twice the fastest pair's threshold fires it at the workbook's
 *   detection time; a 1x burn never pages; zero traffic raises nothing and leaves every series of the SLO finite;</li>
 *   <li>{@code <base>-slow-burn.yml}, 5m (or 2m30s where 5m samples leave the base window a single one, as
 *   Prometheus 3's left-open windows do for a 5m base window, and rate() would have nothing): a sustained 1.5x burn
 *   of the slowest threshold opens the slow severity (ticket) at the computed time and never pages.</li>
 * </ul>
 */
public final class AlertBehaviourTests {
    /** A test file: path relative to the tests directory, and its text. */
    public record TestFile(String path, String text) {
    }

    static final Duration FAST_STEP = Duration.ofMinutes(1);
    /** The slow file's evaluation intervals, cheapest first: the first that divides every slow window and
     *  leaves the base window enough samples is used. */
    static final List<Duration> SLOW_STEPS = List.of(Duration.ofMinutes(5), Duration.ofSeconds(150));
    private static final long BASE_REQUESTS_PER_MINUTE = 6000;
    /** Instances of a 0/1 gauge SLI (such as up): each step, some are down. */
    static final long GAUGE_INSTANCES = 10;

    private final SloUnderTest slo;
    private final PromqlProfile profile;
    private final List<String> ruleFiles;
    private final List<String> groupOrder;
    private final String fastSeverity;
    private final List<SloUnderTest.Alert> fast;
    private final List<SloUnderTest.Alert> slow;
    private final long perMinute;

    private AlertBehaviourTests(SloUnderTest slo, PromqlProfile profile, List<String> ruleFiles,
                                List<String> groupOrder) {
        this.slo = slo;
        this.profile = profile;
        this.ruleFiles = List.copyOf(ruleFiles);
        this.groupOrder = List.copyOf(groupOrder);
        SloUnderTest.Alert fastest = slo.alerts().stream()
                .min(Comparator.comparing(SloUnderTest.Alert::fastest)).orElseThrow();
        fastSeverity = fastest.severity();
        fast = slo.alerts().stream().filter(a -> a.severity().equals(fastSeverity)).toList();
        Optional<SloUnderTest.Alert> slowest = slo.alerts().stream()
                .filter(a -> !a.severity().equals(fastSeverity))
                .min(Comparator.comparing(SloUnderTest.Alert::lowestThreshold));
        slow = slowest.map(s -> slo.alerts().stream().filter(a -> a.severity().equals(s.severity())).toList())
                .orElse(List.of());
        perMinute = requestsPerMinute(slo);
    }

    /**
     * The test files for {@code slo} under the range windows of {@code profile}, named {@code base} (+ suffix) and
     * loading {@code ruleFiles} (relative to the tests directory) with the groups evaluated in {@code groupOrder}.
     * Empty when the SLO has no burn-rate alerts, or when {@link #unsupportedReason} says why none can be written.
     */
    public static List<TestFile> files(SloUnderTest slo, PromqlProfile profile, String base, List<String> ruleFiles,
                                       List<String> groupOrder) {
        if (slo.alerts().isEmpty() || unsupportedReason(slo, profile).isPresent()) {
            return List.of();
        }
        AlertBehaviourTests tests = new AlertBehaviourTests(slo, profile, ruleFiles, groupOrder);
        List<TestFile> files = new ArrayList<>();
        files.add(new TestFile(base + ".yml", tests.fastFile()));
        tests.slowFile().ifPresent(text -> files.add(new TestFile(base + "-slow-burn.yml", text)));
        return files;
    }

    /** Why no tests can be generated for {@code slo} under {@code profile}, if so. */
    public static Optional<String> unsupportedReason(SloUnderTest slo, PromqlProfile profile) {
        Optional<String> sli = SeriesSynthesizer.unsupportedReason(slo.sli());
        if (sli.isPresent()) {
            return sli;
        }
        if (slo.shape().inputs() == AlertTimeline.Inputs.NATIVE_HISTOGRAM && !profile.nativeHistogramNotation()) {
            return Optional.of(profile + "'s promtool cannot read native histograms in test input series "
                    + "(compile with --prometheus 3 for these tests)");
        }
        boolean wholeMinutes = slo.alerts().stream().flatMap(a -> a.pairs().stream()).allMatch(p ->
                p.longWindow().toMillis() % FAST_STEP.toMillis() == 0
                        && p.shortWindow().toMillis() % FAST_STEP.toMillis() == 0)
                && (slo.shape().baseWindow() == null || slo.shape().baseWindow().toMillis() % FAST_STEP.toMillis() == 0);
        if (!wholeMinutes) {
            return Optional.of("its windows are not whole minutes (the tests evaluate every minute)");
        }
        if (!sampledEnough(slo, FAST_STEP, profile)) {
            return Optional.of("its " + Durations.format(ratedWindow(slo).toMillis()) + " window holds a single "
                    + "sample every " + Durations.format(FAST_STEP.toMillis()) + " in " + profile
                    + ", too few for rate()");
        }
        try {
            SeriesSynthesizer.written(slo.sli(), slo.groupLabels(), SyntheticTraffic.of(FAST_STEP, new Segment(1, 2, 1)));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Requests (or, for a gauge SLI, instances) per step: at least {@link #requestsPerMinute}'s rate. */
    private long perStep(Duration step) {
        return gauge() ? GAUGE_INSTANCES : (perMinute * step.toSeconds() + 59) / 60;
    }

    private boolean gauge() {
        return slo.shape().inputs() == AlertTimeline.Inputs.GAUGE;
    }

    /** The window the rules take straight from the SLI's series: the base window, or each window when none. */
    private static Duration ratedWindow(SloUnderTest slo) {
        return slo.shape().baseWindow() != null ? slo.shape().baseWindow() : slo.alerts().stream()
                .flatMap(a -> a.pairs().stream()).map(AlertTimeline.Pair::shortWindow).min(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * Whether, sampled and evaluated every {@code step}, the rated window holds what its function needs under
     * {@code profile}: two samples for rate(), one for a gauge's avg_over_time().
     */
    private static boolean sampledEnough(SloUnderTest slo, Duration step, PromqlProfile profile) {
        Duration window = ratedWindow(slo);
        if (window.toMillis() % step.toMillis() != 0) {
            return false;
        }
        int later = (int) (window.toMillis() / step.toMillis()) + 1; // an evaluation the whole window lies after
        int samples = later - AlertTimeline.firstSlotIn(profile, step, window, later) + 1;
        return samples >= (slo.shape().inputs() == AlertTimeline.Inputs.GAUGE ? 1 : 2);
    }

    /** Requests per minute: a multiple of the budget's denominator (so a 1x burn is a whole number of errors),
     *  at least 6000 and twice any minimum-traffic guard. */
    public static long requestsPerMinute(SloUnderTest slo) {
        BigInteger denominator = denominator(slo.errorBudget());
        BigDecimal wanted = BigDecimal.valueOf(BASE_REQUESTS_PER_MINUTE)
                .max(slo.minTrafficPerSecond().multiply(BigDecimal.valueOf(120)));
        BigInteger multiples = wanted.divide(new BigDecimal(denominator), 0, RoundingMode.CEILING).toBigInteger();
        return denominator.multiply(multiples.max(BigInteger.ONE)).longValueExact();
    }

    private static BigInteger denominator(BigDecimal ratio) {
        BigDecimal stripped = ratio.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return BigInteger.ONE;
        }
        BigInteger numerator = stripped.unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(stripped.scale());
        return denominator.divide(numerator.gcd(denominator));
    }

    private String fastFile() {
        TestFileWriter out = new TestFileWriter(header("alert behaviour at a 1m resolution"), ruleFiles, FAST_STEP,
                groupOrder);
        long perStep = perStep(FAST_STEP);
        // A warm-up as long as the fastest long window: enough for the workbook's detection time, and the longer
        // windows' partial coverage is part of the computed timeline anyway.
        int warm = steps(FAST_STEP, fastestLong(fast));
        outageAndRecovery(out, perStep, warm);
        doubleThresholdBurn(out, perStep, warm);
        oneXBurn(out, perStep);
        zeroTraffic(out);
        return out.text();
    }

    private String header(String what) {
        return "Generated by sloc: " + what + " of SLO " + slo.name() + ". Do not edit.\n"
                + "Expected times are computed for " + profile + "'s range windows from the policy (windows,\n"
                + "factor x error budget, for, keep_firing_for); see README, \"Proof that the alerts behave\".";
    }

    /** A total outage fires the fast severity at the first evaluation both windows of a pair exceed the threshold
     *  (plus for), and after recovery it clears once a short window is clean (plus keep_firing_for). */
    private void outageAndRecovery(TestFileWriter out, long perStep, int warm) {
        try {
            SyntheticTraffic probe = SyntheticTraffic.of(FAST_STEP, new Segment(warm, perStep, 0),
                    new Segment(steps(FAST_STEP, longest(fast)), perStep, perStep));
            int firing = firstFiring(timeline(probe), fast);
            if (firing < 0) {
                return; // no pair of the fast severity can exceed its threshold even at a 100% error ratio
            }
            int outage = firing - warm + 5;
            int recovery = steps(FAST_STEP, longestShort(fast)) + steps(FAST_STEP, longestKeepFiring(fast)) + 10;
            SyntheticTraffic traffic = SyntheticTraffic.of(FAST_STEP, new Segment(warm, perStep, 0),
                    new Segment(outage, perStep, perStep), new Segment(recovery, perStep, 0));
            List<Integer> counts = firingCounts(traffic, fast);
            out.group(slo.name() + ": total outage at " + at(FAST_STEP, warm) + " for " + at(FAST_STEP, outage)
                    + ", then recovery", FAST_STEP, series(traffic));
            expectTransitions(out, counts, FAST_STEP, fastSeverity, "outage");
        } catch (IllegalStateException tie) {
            // a window ratio sits exactly on a threshold: the outcome is float rounding, so no test is written
        }
    }

    /** Errors at twice the fastest pair's threshold: detection after half its long window (workbook formula
     *  (1 - SLO) x factor / error ratio x long window), to the evaluation. */
    private void doubleThresholdBurn(TestFileWriter out, long perStep, int warm) {
        AlertTimeline.Pair pair = fast.stream().flatMap(a -> a.pairs().stream())
                .min(Comparator.comparing(AlertTimeline.Pair::longWindow)).orElseThrow();
        BigDecimal ratio = pair.threshold().multiply(BigDecimal.valueOf(2));
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return;
        }
        long bad = ratio.multiply(BigDecimal.valueOf(perStep)).setScale(0, RoundingMode.CEILING).longValueExact();
        int burn = steps(FAST_STEP, pair.longWindow()) + 10;
        for (int attempt = 0; attempt < 5 && bad <= perStep; attempt++, bad++) {
            SyntheticTraffic traffic = SyntheticTraffic.of(FAST_STEP, new Segment(warm, perStep, 0),
                    new Segment(burn, perStep, bad));
            try {
                List<Integer> counts = firingCounts(traffic, fast);
                out.group(slo.name() + ": " + bad + " of " + perStep + " bad per minute from " + at(FAST_STEP, warm)
                        + " (at least twice the " + Durations.format(pair.longWindow().toMillis()) + "/"
                        + Durations.format(pair.shortWindow().toMillis()) + " threshold " + pair.threshold().toPlainString()
                        + ")", FAST_STEP, series(traffic));
                expectTransitions(out, counts, FAST_STEP, fastSeverity, "burn at twice the threshold");
                return;
            } catch (IllegalStateException tie) {
                // a window ratio sits on a threshold: one more bad request per step moves it off
            }
        }
    }

    /** Errors at exactly the error budget (a 1x burn) for longer than every fast window: never fires. Left out
     *  when a whole number of bad events per step cannot be exactly 1x (a gauge SLI with few instances). */
    private void oneXBurn(TestFileWriter out, long perStep) {
        BigDecimal exact = slo.errorBudget().multiply(BigDecimal.valueOf(perStep));
        if (exact.stripTrailingZeros().scale() > 0) {
            return;
        }
        long bad = exact.longValueExact();
        int horizon = steps(FAST_STEP, longest(fast)) + 10;
        SyntheticTraffic traffic = SyntheticTraffic.of(FAST_STEP, new Segment(horizon, perStep, bad));
        List<Integer> counts;
        try {
            counts = firingCounts(traffic, fast);
        } catch (IllegalStateException tie) {
            return; // a fast pair's factor is exactly 1: a 1x burn sits on its threshold, undecidable in float64
        }
        out.group(slo.name() + ": a 1x burn (" + bad + " of " + perStep + " bad per minute) for "
                + at(FAST_STEP, horizon), FAST_STEP, series(traffic));
        out.expect("the most " + fastSeverity + " alerts firing at any evaluation", maxOverRun(
                firingCount(fastSeverity), horizon, FAST_STEP), Duration.ofMinutes(horizon),
                maxOverRun(counts, FAST_STEP));
    }

    /** No requests at all: no alert of this SLO even pending, and every series of this SLO stays finite. */
    private void zeroTraffic(TestFileWriter out) {
        int horizon = steps(FAST_STEP, fastestLong(fast)) + 10;
        SyntheticTraffic traffic = SyntheticTraffic.of(FAST_STEP, new Segment(horizon, 0, 0));
        out.group(slo.name() + ": zero traffic for " + at(FAST_STEP, horizon), FAST_STEP, series(traffic));
        out.expect("no burn-rate alert of this SLO, in any state, at any evaluation",
                maxOverRun("count(ALERTS" + selector(Map.of("alertname", slo.alertName())) + ") or vector(0)",
                        horizon, FAST_STEP),
                Duration.ofMinutes(horizon), 0);
        for (int slot : new int[] {1, 5, horizon / 2, horizon}) {
            out.expect("no NaN or Inf in any series of this SLO", nonFinite(), Duration.ofMinutes(slot), 0);
        }
        if (!gauge()) { // counters at 0 are traffic of 0; a gauge SLI without instances has no series
            out.expect("the period's error budget is untouched", "min(" + slo.remainingBudget()
                    + selector(Map.of()) + ")", Duration.ofMinutes(horizon), 1);
        }
    }

    private Optional<String> slowFile() {
        Optional<Duration> step = SLOW_STEPS.stream()
                .filter(s -> fitsStep(slow, s) && sampledEnough(slo, s, profile)).findFirst();
        if (slow.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        return slowFile(step.get());
    }

    /** The slow-burn file evaluated every {@code slowStep}. */
    private Optional<String> slowFile(Duration slowStep) {
        long perStep = perStep(slowStep);
        BigDecimal lowest = slow.stream().map(SloUnderTest.Alert::lowestThreshold).min(BigDecimal::compareTo)
                .orElseThrow();
        long bad = lowest.multiply(new BigDecimal("1.5")).multiply(BigDecimal.valueOf(perStep))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        BigDecimal fastest = fast.stream().map(SloUnderTest.Alert::lowestThreshold).min(BigDecimal::compareTo)
                .orElseThrow();
        if (BigDecimal.valueOf(bad).compareTo(fastest.multiply(BigDecimal.valueOf(perStep))) >= 0) {
            return Optional.empty(); // too few events per step for a burn that is slow (a gauge SLI)
        }
        if (bad > perStep) {
            return Optional.empty(); // a budget above 2/3 of all events: 1.5x its burn is more than every event
        }
        int warm = steps(slowStep, fastestLong(slow));
        String severity = slow.get(0).severity();
        for (int attempt = 0; attempt < 5 && bad <= perStep; attempt++, bad++) {
            try {
                SyntheticTraffic probe = SyntheticTraffic.of(slowStep, new Segment(warm, perStep, 0),
                        new Segment(steps(slowStep, longest(slow)), perStep, bad));
                AlertTimeline probed = timeline(probe);
                int firing = firstFiring(probed, slow);
                if (firing < 0) {
                    return Optional.empty();
                }
                int burn = firing - warm + steps(slowStep, Duration.ofHours(1));
                SyntheticTraffic traffic = SyntheticTraffic.of(slowStep, new Segment(warm, perStep, 0),
                        new Segment(burn, perStep, bad));
                // the same traffic as the probe's, shorter or longer
                AlertTimeline timeline = traffic.steps() <= probe.steps() ? probed.until(traffic.steps())
                        : timeline(traffic);
                List<Integer> counts = firingCounts(timeline, slow);
                TestFileWriter out = new TestFileWriter(header("slow-burn behaviour at a " + at(slowStep, 1)
                        + " resolution"), ruleFiles, slowStep, groupOrder);
                out.group(slo.name() + ": sustained burn of " + bad + " of " + perStep + " bad per " + at(slowStep, 1)
                        + " (1.5x the lowest " + severity + " threshold " + lowest.toPlainString() + ") from "
                        + at(slowStep, warm), slowStep, series(traffic));
                expectTransitions(out, counts, slowStep, severity, "slow burn");
                if (fitsStep(fast, slowStep)) {
                    out.expect("the most " + fastSeverity + " alerts firing at any evaluation during the slow burn",
                            maxOverRun(firingCount(fastSeverity), traffic.steps(), slowStep),
                            slowStep.multipliedBy(traffic.steps()), maxOverRun(firingCounts(timeline, fast), slowStep));
                }
                return Optional.of(out.text());
            } catch (IllegalStateException tie) {
                // a window ratio sits on a threshold: one more bad request per step moves it off
            }
        }
        return Optional.empty();
    }

    /** Pins the count of firing alerts of {@code severity} just before and at every change, and at the end. */
    private void expectTransitions(TestFileWriter out, List<Integer> counts, Duration step, String severity,
                                   String what) {
        TreeSet<Integer> slots = new TreeSet<>();
        for (int slot = 1; slot < counts.size(); slot++) {
            if (!counts.get(slot).equals(counts.get(slot - 1))) {
                slots.add(slot - 1);
                slots.add(slot);
            }
        }
        slots.add(counts.size() - 1);
        for (int slot : slots) {
            int previous = slot == 0 ? 0 : counts.get(slot - 1);
            String when = counts.get(slot) > previous ? "starts firing" : counts.get(slot) < previous
                    ? "stops firing" : slot == counts.size() - 1 ? "end of the run" : "last evaluation before a change";
            out.expect(what + ": " + severity + " alerts firing at " + at(step, slot) + " (" + when + ")",
                    firingCount(severity), step.multipliedBy(slot), counts.get(slot));
        }
    }

    private List<? extends SeriesSynthesizer.Written> series(SyntheticTraffic traffic) {
        return SeriesSynthesizer.written(slo.sli(), slo.groupLabels(), traffic);
    }

    private AlertTimeline timeline(SyntheticTraffic traffic) {
        return new AlertTimeline(profile, traffic, slo.shape());
    }

    private List<Integer> firingCounts(SyntheticTraffic traffic, List<SloUnderTest.Alert> alerts) {
        return firingCounts(timeline(traffic), alerts);
    }

    private static List<Integer> firingCounts(AlertTimeline timeline, List<SloUnderTest.Alert> alerts) {
        List<Integer> counts = new ArrayList<>();
        for (SloUnderTest.Alert alert : alerts) {
            List<State> states = timeline.states(alert.pairs(), alert.hold(), alert.keepFiringFor());
            for (int slot = 0; slot < states.size(); slot++) {
                if (slot == counts.size()) {
                    counts.add(0);
                }
                if (states.get(slot) == State.FIRING) {
                    counts.set(slot, counts.get(slot) + 1);
                }
            }
        }
        return counts;
    }

    private static int firstFiring(AlertTimeline timeline, List<SloUnderTest.Alert> alerts) {
        List<Integer> counts = firingCounts(timeline, alerts);
        for (int slot = 0; slot < counts.size(); slot++) {
            if (counts.get(slot) > 0) {
                return slot;
            }
        }
        return -1;
    }

    private String firingCount(String severity) {
        return "count(ALERTS" + selector(Map.of("alertname", slo.alertName(), "alertstate", "firing",
                "severity", severity)) + ") or vector(0)";
    }

    /** The number of series of this SLO whose value is NaN or infinite (comparisons drop NaN and filter Inf). */
    private String nonFinite() {
        String all = selector(Map.of());
        return "(count(" + all + ") or vector(0)) - (count(" + all + " > -Inf < +Inf) or vector(0))";
    }

    private static String maxOverRun(String expr, int steps, Duration step) {
        return "max_over_time((" + expr + ")[" + Durations.format(step.multipliedBy(steps).toMillis()) + ":"
                + Durations.format(step.toMillis()) + "])";
    }

    private String selector(Map<String, String> extra) {
        Map<String, String> labels = new TreeMap<>(slo.identity());
        labels.putAll(extra);
        return SeriesSynthesizer.notation("", labels);
    }

    private static String at(Duration step, int slot) {
        return Durations.format(step.multipliedBy(slot).toMillis());
    }

    /**
     * The largest of {@code counts} that {@link #maxOverRun} at the last slot sees: its subquery's steps start at
     * slot 0 in 2.42 and after it in 3.x (left-open), where slot 0 has no rate yet and so nothing firing either.
     */
    private int maxOverRun(List<Integer> counts, Duration step) {
        int first = (int) (profile.subqueryFirstStep(0, step.toMillis()) / step.toMillis());
        return counts.subList(first, counts.size()).stream().max(Integer::compare).orElse(0);
    }

    private static int steps(Duration step, Duration window) {
        if (window.toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException(window + " is not a multiple of " + step);
        }
        return (int) (window.toMillis() / step.toMillis());
    }

    private static boolean fitsStep(List<SloUnderTest.Alert> alerts, Duration step) {
        return alerts.stream().flatMap(a -> a.pairs().stream()).allMatch(p ->
                p.longWindow().toMillis() % step.toMillis() == 0 && p.shortWindow().toMillis() % step.toMillis() == 0);
    }

    private static Duration longest(List<SloUnderTest.Alert> alerts) {
        return alerts.stream().map(SloUnderTest.Alert::longest).max(Duration::compareTo).orElseThrow();
    }

    private static Duration fastestLong(List<SloUnderTest.Alert> alerts) {
        return alerts.stream().map(SloUnderTest.Alert::fastest).min(Duration::compareTo).orElseThrow();
    }

    private static Duration longestShort(List<SloUnderTest.Alert> alerts) {
        return alerts.stream().flatMap(a -> a.pairs().stream()).map(AlertTimeline.Pair::shortWindow)
                .max(Duration::compareTo).orElseThrow();
    }

    private static Duration longestKeepFiring(List<SloUnderTest.Alert> alerts) {
        return alerts.stream().map(SloUnderTest.Alert::keepFiringFor).max(Duration::compareTo).orElseThrow();
    }
}
