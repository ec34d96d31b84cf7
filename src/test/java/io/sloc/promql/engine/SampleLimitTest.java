package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleLimitTest {
    private static final String TOO_MANY =
            "query processing would load too many samples into memory in query execution";
    private final EngineFixture f = new EngineFixture();

    private void limit(int max) {
        f.engine = new Engine(EngineOptions.defaults().withMaxSamples(max));
    }

    @Test
    void rangeFunctionsHoldOneSeriesWindowAtATime() {
        double[] values = new double[61];
        for (String s : new String[] {"a", "b", "c"}) {
            f.series("__name__,m,s," + s, 60, values);
        }
        // Checked against promtool 2.42: a series' output is counted before its window is let go.
        limit(64); // the third window with two outputs held, plus its own output
        assertThat(f.vector("count_over_time(m[1h])", 3600).size()).isEqualTo(3);
        limit(63); // 2 + 61 + 1 > 63
        assertThatThrownBy(() -> f.eval("count_over_time(m[1h])", 3600)).hasMessage(TOO_MANY);
    }

    @Test
    void operatorsCountTheirInputsTwiceWhileGathering() {
        for (int i = 0; i < 5; i++) {
            f.sample("__name__,m,i," + i, 0, i);
        }
        limit(11); // 5 selected + 5 gathered + 1 output; the output then replaces them
        assertThat(f.single("sum(m)", 0)).isEqualTo(10);
        limit(10);
        assertThatThrownBy(() -> f.eval("sum(m)", 0)).hasMessage(TOO_MANY);
    }

    @Test
    void timestampReadsItsSelectorOnce() {
        // Checked against promtool 2.42: timestamp(m) over 5000 series passes its limit of 10000, over 5001 fails.
        for (int i = 0; i < 5; i++) {
            f.sample("__name__,m,i," + i, 0, i);
        }
        limit(10); // 5 read within the call + 5 outputs
        assertThat(f.vector("timestamp(m)", 0).size()).isEqualTo(5);
        limit(9);
        assertThatThrownBy(() -> f.eval("timestamp(m)", 0)).hasMessage(TOO_MANY);
    }

    @Test
    void absentOverTimeHoldsEachWindowWithItsOutput() {
        // Checked against promtool 2.42: 9998 series of two points pass absent_over_time(m[1m]), 9999 fail.
        for (String s : new String[] {"a", "b", "c"}) {
            f.series("__name__,m,s," + s, 60, 1, 1);
        }
        limit(5); // the third window with two outputs held, plus its own output
        assertThat(f.vector("absent_over_time(m[1m])", 60).size()).isZero();
        limit(4);
        assertThatThrownBy(() -> f.eval("absent_over_time(m[1m])", 60)).hasMessage(TOO_MANY);
    }

    @Test
    void zeroMeansUnlimited() {
        for (int i = 0; i < 50; i++) {
            f.sample("__name__,m,i," + i, 0, i);
        }
        assertThat(f.single("count(m * 2)", 0)).isEqualTo(50);
    }

    @Test
    void subqueriesHoldAllTheirPoints() {
        f.series("__name__,m", 60, new double[61]);
        limit(61 + 61 + 1); // 61 inner steps of one sample, then the window of 61 points again and the output
        assertThat(f.single("count_over_time(m[1h:1m])", 3600)).isEqualTo(61);
        limit(61 + 61);
        assertThatThrownBy(() -> f.eval("count_over_time(m[1h:1m])", 3600)).hasMessage(TOO_MANY);
    }

    @Test
    void subqueryInnerOperatorsHoldTheirInputsForAllSteps() {
        // Checked against promtool 2.42 (MaxSamples 10000): with 200 series the inner sum's input over 61 steps
        // is 12200 samples, which promtool rejects; over 21 steps (4200) it is fine.
        double[] values = new double[121];
        for (int i = 0; i < 200; i++) {
            f.series("__name__,m,i," + i, 60, values);
        }
        limit(10000);
        assertThatThrownBy(() -> f.eval("avg_over_time(sum(m)[1h:1m])", 3600)).hasMessage(TOO_MANY);
        assertThatThrownBy(() -> f.eval("max_over_time(m[1h:1m])", 3600)).hasMessage(TOO_MANY);
        assertThat(f.vector("avg_over_time(sum(m)[20m:1m])", 3600).size()).isEqualTo(1);
        assertThat(f.vector("count_over_time(m[1h])", 3600).size()).isEqualTo(200);
        assertThat(f.vector("sum(m)", 3600).size()).isEqualTo(1);
    }
}
