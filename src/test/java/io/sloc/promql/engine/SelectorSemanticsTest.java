package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.value.Matrix;
import org.junit.jupiter.api.Test;

class SelectorSemanticsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void lookbackIsClosedFiveMinutes() {
        f.sample("__name__,m", 0, 7);
        assertThat(f.values("m", 300)).containsEntry("m{}", 7.0);
        assertThat(f.vector("m", 300.001).isEmpty()).isTrue();
        assertThat(f.vector("m", -0.001).isEmpty()).isTrue();
    }

    @Test
    void staleMarkerHidesSeriesButPlainNaNIsReturned() {
        f.series("__name__,m", 10, 1, StaleMarker.VALUE, 3);
        f.series("__name__,n", 10, 1, Double.NaN);
        assertThat(f.vector("m", 15).isEmpty()).isTrue();
        assertThat(f.single("m", 25)).isEqualTo(3);
        assertThat(f.single("n", 15)).isNaN();
    }

    @Test
    void rangeWindowsAreClosedAtBothEndsAndSkipStaleMarkers() {
        f.series("__name__,m", 60, 1, 2, StaleMarker.VALUE, 4);
        assertThat(f.single("count_over_time(m[1m])", 60)).isEqualTo(2);
        assertThat(f.single("count_over_time(m[3m])", 180)).isEqualTo(3);
        Matrix m = (Matrix) f.eval("m[1m]", 60);
        assertThat(m.series().get(0).size()).isEqualTo(2);
    }

    @Test
    void offsetAndAtModifierMoveTheReferenceTime() {
        f.series("__name__,m", 60, 0, 1, 2, 3, 4);
        assertThat(f.single("m offset 2m", 240)).isEqualTo(2);
        assertThat(f.single("m offset -1m", 120)).isEqualTo(3);
        assertThat(f.single("m @ 60", 240)).isEqualTo(1);
        assertThat(f.single("m @ 180 offset 1m", 0)).isEqualTo(2);
        assertThat(f.single("timestamp(m @ 125)", 0)).isEqualTo(120);
        assertThat(f.single("timestamp(m)", 150)).isEqualTo(120);
        assertThat(f.single("timestamp(-m)", 150)).isEqualTo(150);
    }

    @Test
    void subqueryStepsAreAlignedToMultiplesOfTheStep() {
        f.series("__name__,m", 7, 0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84);
        // steps at 20,30,...,80 s: the first at or after 80-60 = 20s
        assertThat(f.single("count_over_time(m[1m:10s])", 80)).isEqualTo(7);
        assertThat(f.single("count_over_time(m[1m:10s])", 85)).isEqualTo(6);
    }

    @Test
    void regexMatchersAreAnchoredAndEmptyMatchesMissingLabel() {
        f.sample("__name__,m,job,api", 0, 1).sample("__name__,m,job,apiserver", 0, 2).sample("__name__,m", 0, 3);
        assertThat(f.values("m{job=~\"api\"}", 0)).containsOnlyKeys("m{job=\"api\"}");
        assertThat(f.values("m{job=\"\"}", 0)).containsOnlyKeys("m{}");
    }
}
