package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Vector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus 3's duration expressions, fill modifiers and extended range selectors, evaluated. */
class Prometheus3EvaluationTest {
    private static final PromqlProfile PROFILE = PromqlProfile.V3_14.withFeatures(Set.of(
            "promql-experimental-functions", "promql-extended-range-selectors", "promql-binop-fill-modifiers"));
    private final EngineFixture f = new EngineFixture();

    Prometheus3EvaluationTest() {
        f.engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, 60_000L, 0, PROFILE));
    }

    private Map<String, Double> instant(String query, long atSeconds) {
        Vector v = (Vector) f.engine.instantQuery(f.storage, PromqlParser.parse(query, PROFILE), atSeconds * 1000);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sample s : v.samples()) {
            out.put(s.metric().toMetricString(), s.value());
        }
        return out;
    }

    private double single(String query, long atSeconds) {
        Map<String, Double> values = instant(query, atSeconds);
        assertThat(values).hasSize(1);
        return values.values().iterator().next();
    }

    private double[] range(String query, long startSeconds, long endSeconds, long stepSeconds) {
        Matrix m = f.engine.rangeQuery(f.storage, PromqlParser.parse(query, PROFILE), startSeconds * 1000,
                endSeconds * 1000, stepSeconds * 1000);
        assertThat(m.series()).hasSize(1);
        Series s = m.series().get(0);
        double[] values = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            values[i] = s.value(i);
        }
        return values;
    }

    @Test
    void durationExpressionsUseTheQueryStepAndRange() {
        f.series("__name__,m", 1, new double[101]);
        assertThat(single("count_over_time(m[60*30])", 100)).isEqualTo(101);
        assertThat(single("count_over_time(m[1m + 2 * 5s])", 100)).isEqualTo(70);
        assertThat(range("count_over_time(m[step()])", 50, 60, 10)).containsExactly(10, 10);
        assertThat(range("count_over_time(m[range() + 1])", 50, 60, 5)).containsExactly(11, 11, 11);
        assertThat(range("count_over_time(m[max_of(step(), 3s)])", 50, 60, 2)).containsExactly(3, 3, 3, 3, 3, 3);
        assertThat(range("step() + range() + start() + end()", 50, 60, 5)).containsExactly(125, 125, 125);
        assertThatThrownBy(() -> single("count_over_time(m[step()])", 100))
                .hasMessage("18:24: duration must be greater than 0");
    }

    @Test
    void offsetExpressionsShiftTheSelector() {
        for (int i = 0; i <= 100; i++) {
            f.sample("__name__,m", i * 1000L, i);
        }
        assertThat(range("m offset step()", 50, 60, 5)).containsExactly(45, 50, 55);
        assertThat(range("m offset -step() * 2", 50, 60, 5)).containsExactly(110, 120, 130);
        assertThat(single("m offset (2 * 2)", 100)).isEqualTo(96);
    }

    @Test
    void fillModifiersStandInForMissingSeries() {
        f.sample("__name__,l,k,a", 0, 10).sample("__name__,l,k,b", 0, 20)
                .sample("__name__,r,k,a", 0, 1).sample("__name__,r,k,c", 0, 3);
        assertThat(instant("l + fill(0) r", 0)).containsExactly(Map.entry("{k=\"a\"}", 11.0),
                Map.entry("{k=\"b\"}", 20.0), Map.entry("{k=\"c\"}", 3.0));
        assertThat(instant("l - fill_right(100) r", 0)).containsExactly(Map.entry("{k=\"a\"}", 9.0),
                Map.entry("{k=\"b\"}", -80.0));
        assertThat(instant("l > fill_left(5) r", 0)).containsExactly(Map.entry("l{k=\"a\"}", 10.0),
                Map.entry("{k=\"c\"}", 5.0));
    }

    @Test
    void anchoredAndSmoothedRangesUseTheSamplesAroundTheWindow() {
        // 1, 2, 3, 4, 5 at 0s, 15s, ... 60s, then 9 .. 13 at 75s .. 135s.
        f.series("__name__,m", 15, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13);
        assertThat(single("increase(m[1m] anchored)", 20)).isEqualTo(1);
        assertThat(single("increase(m[1m] anchored)", 80)).isEqualTo(7);
        assertThat(single("increase(m[1m] smoothed)", 20)).isCloseTo(1.333333333, within(1e-9));
        assertThat(single("changes(m[1m] anchored)", 80)).isEqualTo(4);
        assertThat(single("m smoothed", 10)).isCloseTo(1.666666666, within(1e-9));
        assertThatThrownBy(() -> single("max_over_time(m[1m] smoothed)", 20))
                .hasMessage("smoothed modifier can only be used with: delta, increase, rate - not with max_over_time");
        Matrix edges = (Matrix) f.engine.instantQuery(f.storage, PromqlParser.parse("m[20s] smoothed", PROFILE), 40_000);
        Series s = edges.series().get(0);
        assertThat(s.timestamps()).startsWith(20_000L, 30_000L, 40_000L);
        assertThat(s.values()).startsWith(2 + 1 / 3.0, 3, 3 + 2 / 3.0);
    }
}
