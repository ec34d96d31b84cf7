package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.behaviour.AlertTimeline.Inputs;
import io.sloc.emit.behaviour.AlertTimeline.Shape;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.model.Sli;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Vector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeline's exact window ratios against sloc's PromQL engine evaluating the rules' expressions on the same
 * series, for both window shapes: rate() extrapolation (2.42's closed windows, 3.x's left-open ones with the step
 * of extrapolation to the window start and the counter's zero), per-counter rating for each input layout, a native
 * histogram (3.x: the series the generated tests feed, parsed from their notation) rated as a whole, and the
 * averages over recorded base rates (a subquery at the evaluation interval records the same points).
 */
class TimelineMatchesEngineTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration BASE = Duration.ofMinutes(5);
    private static final List<Duration> WINDOWS = List.of(BASE, Duration.ofMinutes(10), Duration.ofMinutes(30));
    /** Ramp-up from nothing, an outage and its recovery, changes of rate, idle stretches. */
    private static final List<SyntheticTraffic> TRAFFIC = List.of(
            SyntheticTraffic.of(MINUTE, new Segment(30, 1000, 0), new Segment(10, 1000, 1000), new Segment(25, 1000, 0)),
            SyntheticTraffic.of(MINUTE, new Segment(5, 0, 0), new Segment(20, 600, 30), new Segment(15, 1200, 900),
                    new Segment(8, 0, 0), new Segment(20, 300, 7)));
    /** Requests up to 250ms (a boundary of every schema) are fast. */
    private static final Sli.NativeLatency NATIVE = new Sli.NativeLatency(
            WorkbookFixture.query(WorkbookFixture.selector("latency")), new BigDecimal("0.25"), 3);
    private static final SyntheticTraffic INSTANCES = SyntheticTraffic.of(MINUTE, new Segment(20, 10, 0),
            new Segment(10, 10, 10), new Segment(15, 10, 3), new Segment(20, 10, 0));

    static List<Arguments> cases() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (String version : List.of("2.42", "3.14")) {
            for (Duration base : new Duration[] {BASE, null}) {
                for (Inputs inputs : Inputs.values()) {
                    if (inputs == Inputs.NATIVE_HISTOGRAM && !version.equals("3.14")) {
                        continue; // native-histogram behaviour tests are written for Prometheus 3 only
                    }
                    List<SyntheticTraffic> traffic = inputs == Inputs.GAUGE ? List.of(INSTANCES) : TRAFFIC;
                    for (int i = 0; i < traffic.size(); i++) {
                        cases.add(Arguments.of(version, new Shape(base, inputs), i, traffic.get(i)));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "Prometheus {0}, {1}, traffic {2}")
    @MethodSource("cases")
    void everyWindowRatioIsTheEngines(String version, Shape shape, int index, SyntheticTraffic traffic) {
        PromqlProfile profile = PromqlProfile.forName(version);
        MemoryStorage storage = load(shape.inputs(), traffic);
        Engine engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, MINUTE.toMillis(), 0, profile));
        AlertTimeline timeline = new AlertTimeline(profile, traffic, shape);
        int compared = 0;
        for (Duration window : WINDOWS) {
            String query = ratio(shape, window);
            for (int slot = 0; slot <= traffic.steps(); slot++) {
                Vector result = (Vector) engine.instantQuery(storage, PromqlParser.parse(query),
                        slot * MINUTE.toMillis());
                Optional<BigDecimal> expected = timeline.errorRatio(window, slot);
                String at = query + " at slot " + slot;
                if (expected.isEmpty()) {
                    assertThat(result.samples()).as(at).allSatisfy(s -> assertThat(s.value()).isNaN());
                } else {
                    assertThat(result.samples()).as(at).hasSize(1);
                    double engineRatio = result.get(0).value();
                    assertThat(engineRatio).as(at).isCloseTo(expected.get().doubleValue(),
                            org.assertj.core.data.Offset.offset(1e-12 + 1e-12 * Math.abs(engineRatio)));
                    compared++;
                }
            }
        }
        assertThat(compared).as("windows with a ratio").isGreaterThan(traffic.steps());
    }

    private static MemoryStorage load(Inputs inputs, SyntheticTraffic traffic) {
        MemoryStorage storage = new MemoryStorage();
        if (inputs == Inputs.GAUGE) {
            for (int instance = 0; instance < traffic.totalInStep(0); instance++) {
                append(storage, Labels.of("__name__", "up", "instance", "i" + instance), traffic.gauge(instance));
            }
            return storage;
        }
        if (inputs == Inputs.NATIVE_HISTOGRAM) {
            // the series the generated tests feed, read back as promtool 3 reads it
            NativeHistogramSeries series = NativeHistogramSeries.of("latency", NATIVE, traffic);
            SeriesDescriptions.SeriesDescription parsed = SeriesDescriptions.parseSeriesLine(
                    series.series() + " " + series.notation(), PromqlProfile.V3_14);
            for (int slot = 0; slot < parsed.size(); slot++) {
                storage.append(Labels.of("__name__", "latency"), slot * MINUTE.toMillis(), parsed.histogram(slot));
            }
            return storage;
        }
        append(storage, Labels.of("__name__", "requests", "kind", "bad"), traffic.counter(true));
        append(storage, Labels.of("__name__", "requests", "kind", "good"), traffic.counter(false));
        append(storage, Labels.of("__name__", "requests_all"), traffic.totalCounter());
        return storage;
    }

    private static void append(MemoryStorage storage, Labels labels, List<Double> values) {
        for (int slot = 0; slot < values.size(); slot++) {
            storage.append(labels, slot * MINUTE.toMillis(), values.get(slot));
        }
    }

    /** The rules' error ratio over {@code window}: directly, or averaging the base window's rates. */
    private static String ratio(Shape shape, Duration window) {
        String range = window.toMinutes() + "m";
        if (shape.baseWindow() == null || shape.baseWindow().equals(window)) {
            return "(" + bad(shape.inputs(), range) + ") / (" + total(shape.inputs(), range) + ")";
        }
        String base = shape.baseWindow().toMinutes() + "m";
        return "avg_over_time((" + bad(shape.inputs(), base) + ")[" + range + ":1m]) / avg_over_time(("
                + total(shape.inputs(), base) + ")[" + range + ":1m])";
    }

    private static String bad(Inputs inputs, String range) {
        return switch (inputs) {
            case BAD_AND_GOOD, BAD_AND_TOTAL -> "sum(rate(requests{kind=\"bad\"}[" + range + "]))";
            case GOOD_AND_TOTAL -> "sum(rate(requests_all[" + range + "])) - sum(rate(requests{kind=\"good\"}["
                    + range + "]))";
            case GAUGE -> "sum(1 - avg_over_time(up[" + range + "]))";
            case NATIVE_HISTOGRAM -> "(1 - histogram_fraction(0, 0.25, sum(rate(latency[" + range + "]))))"
                    + " * (" + total(inputs, range) + " > 0) or 0 * " + total(inputs, range);
        };
    }

    private static String total(Inputs inputs, String range) {
        return switch (inputs) {
            case BAD_AND_GOOD -> "sum(rate(requests[" + range + "]))";
            case BAD_AND_TOTAL, GOOD_AND_TOTAL -> "sum(rate(requests_all[" + range + "]))";
            case GAUGE -> "count(avg_over_time(up[" + range + "]))";
            case NATIVE_HISTOGRAM -> "histogram_count(sum(rate(latency[" + range + "])))";
        };
    }
}
