package io.sloc.emit.report;

import io.sloc.emit.behaviour.AlertTimeline;
import io.sloc.emit.behaviour.AlertTimeline.State;
import io.sloc.emit.behaviour.SloUnderTest;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One scenario drawn: the error ratio the rules record for every window of the policy (log scale), each alert's
 * threshold in the colour of its long window, and a band row per severity showing when it is pending and firing.
 */
final class ScenarioChart {
    /** Enough points for a smooth line at the chart's width. */
    private static final int MAX_POINTS = 400;

    private ScenarioChart() {
    }

    static String render(String id, SloUnderTest slo, Scenario scenario, PromqlProfile profile) {
        AlertTimeline timeline = new AlertTimeline(profile, scenario.traffic(), slo.shape());
        int lead = Math.max(30, (scenario.end() - scenario.start()) / 4);
        int from = Math.max(0, scenario.start() - lead);
        int to = scenario.traffic().steps();
        List<Duration> windows = new ArrayList<>(new TreeSet<>(slo.alerts().stream()
                .flatMap(a -> a.pairs().stream()).flatMap(p -> List.of(p.longWindow(), p.shortWindow()).stream())
                .toList()));
        BigDecimal lowest = slo.alerts().stream().flatMap(a -> a.pairs().stream())
                .map(AlertTimeline.Pair::threshold).min(BigDecimal::compareTo).orElseThrow();
        double bottom = Math.pow(10, Math.floor(Math.log10(lowest.doubleValue())) - 1);
        double hours = 60.0;
        SvgChart chart = new SvgChart(id, scenario.title() + " — " + slo.name(),
                "Error ratio per window and alert states of SLO " + slo.name() + " when " + scenario.description()
                        + ", starting at hour 0.",
                new SvgChart.Axis("time since the incident started (hours)", (from - scenario.start()) / hours,
                        (to - scenario.start()) / hours, false, Ticks.linear((from - scenario.start()) / hours,
                        (to - scenario.start()) / hours, "")),
                new SvgChart.Axis("error ratio (% of requests, log scale)", bottom, 1, true,
                        Ticks.decades(bottom, 1)));
        int stride = Math.max(1, (to - from) / MAX_POINTS);
        boolean gaps = false;
        for (int w = 0; w < windows.size(); w++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int slot = from; slot <= to; slot += stride) {
                Optional<BigDecimal> ratio = timeline.errorRatio(windows.get(w), slot);
                xs.add((slot - scenario.start()) / hours);
                ys.add(ratio.map(BigDecimal::doubleValue).orElse(Double.NaN));
                gaps |= ratio.isEmpty();
            }
            chart.line(Format.duration(windows.get(w)) + " window", doubles(xs), doubles(ys), w);
        }
        for (SloUnderTest.Alert alert : slo.alerts()) {
            for (AlertTimeline.Pair pair : alert.pairs()) {
                chart.reference(Format.percent(pair.threshold()) + ": " + Format.duration(pair.longWindow()) + " & "
                        + Format.duration(pair.shortWindow()) + " (" + alert.severity() + ")",
                        pair.threshold().doubleValue(), windows.indexOf(pair.longWindow()));
            }
        }
        if (gaps) {
            chart.note("Gaps: a window without requests records no error ratio");
        }
        for (Map.Entry<String, List<State>> severity : severityStates(slo, timeline).entrySet()) {
            chart.bandRow(severity.getKey(), bands(severity.getValue(), from, scenario.start(), hours));
        }
        return chart.render();
    }

    /** Each severity's state at every slot: the most advanced of its alerts' states. */
    static Map<String, List<State>> severityStates(SloUnderTest slo, AlertTimeline timeline) {
        Map<String, List<State>> states = new LinkedHashMap<>();
        for (SloUnderTest.Alert alert : slo.alerts()) {
            List<State> alertStates = PolicyWorkbook.states(timeline, alert);
            states.merge(alert.severity(), alertStates, (a, b) -> {
                List<State> merged = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    merged.add(a.get(i).compareTo(b.get(i)) >= 0 ? a.get(i) : b.get(i));
                }
                return merged;
            });
        }
        return states;
    }

    /** Runs of pending and firing slots from {@code from}, in hours since {@code zero}. */
    private static List<SvgChart.Band> bands(List<State> states, int from, int zero, double perHour) {
        List<SvgChart.Band> bands = new ArrayList<>();
        int slot = from;
        while (slot < states.size()) {
            State state = states.get(slot);
            int end = slot;
            while (end + 1 < states.size() && states.get(end + 1) == state) {
                end++;
            }
            if (state != State.INACTIVE) {
                bands.add(new SvgChart.Band((slot - zero) / perHour, (end + 1 - zero) / perHour,
                        state == State.FIRING));
            }
            slot = end + 1;
        }
        return bands;
    }

    static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
