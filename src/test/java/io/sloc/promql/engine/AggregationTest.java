package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void sumIsPlainLeftToRightInLabelOrder() {
        f.sample("__name__,m,i,a", 0, 1e100).sample("__name__,m,i,b", 0, 1).sample("__name__,m,i,c", 0, -1e100);
        assertThat(f.single("sum(m)", 0)).isEqualTo(0); // (1e100 + 1) - 1e100, no compensation
    }

    @Test
    void avgIsAnIncrementalMean() {
        f.sample("__name__,m,i,a", 0, Double.MAX_VALUE).sample("__name__,m,i,b", 0, Double.MAX_VALUE);
        assertThat(f.single("avg(m)", 0)).isEqualTo(Double.MAX_VALUE); // sum/count would overflow
    }

    @Test
    void groupingByWithoutAndNameHandling() {
        f.sample("__name__,m,job,a,i,1", 0, 1).sample("__name__,m,job,a,i,2", 0, 2)
                .sample("__name__,m,job,b,i,1", 0, 4);
        assertThat(f.values("sum by (job) (m)", 0)).containsExactly(Map.entry("{job=\"a\"}", 3.0),
                Map.entry("{job=\"b\"}", 4.0));
        assertThat(f.values("max without (job) (m)", 0)).containsExactly(Map.entry("{i=\"1\"}", 4.0),
                Map.entry("{i=\"2\"}", 2.0));
        assertThat(f.values("count(m)", 0)).containsExactly(Map.entry("{}", 3.0));
        assertThat(f.values("group by (__name__) (m)", 0)).containsExactly(Map.entry("m{}", 1.0));
    }

    @Test
    void stddevAndStdvarArePopulationStatistics() {
        f.sample("__name__,m,i,a", 0, 2).sample("__name__,m,i,b", 0, 4).sample("__name__,m,i,c", 0, 6);
        assertThat(f.single("stdvar(m)", 0)).isEqualTo(8.0 / 3);
        assertThat(f.single("stddev(m)", 0)).isEqualTo(Math.sqrt(8.0 / 3));
    }

    @Test
    void topkKeepsNamesAndRanksNaNBelowEverything() {
        f.sample("__name__,m,i,a", 0, Double.NaN).sample("__name__,m,i,b", 0, 1).sample("__name__,m,i,c", 0, 5);
        assertThat(f.values("topk(2, m)", 0)).containsExactly(Map.entry("m{i=\"c\"}", 5.0),
                Map.entry("m{i=\"b\"}", 1.0));
        assertThat(f.values("bottomk(2, m)", 0)).containsExactly(Map.entry("m{i=\"b\"}", 1.0),
                Map.entry("m{i=\"c\"}", 5.0));
        assertThat(f.vector("topk(3, m)", 0).samples().get(2).value()).isNaN();
        assertThat(f.vector("topk(0, m)", 0).isEmpty()).isTrue();
        assertThatThrownBy(() -> f.eval("topk(1e20, m)", 0)).hasMessage("Scalar value 1e+20 overflows int64");
    }

    @Test
    void quantileInterpolatesBetweenRanks() {
        f.sample("__name__,m,i,a", 0, 0).sample("__name__,m,i,b", 0, 10).sample("__name__,m,i,c", 0, 20);
        assertThat(f.single("quantile(0.75, m)", 0)).isEqualTo(15);
        assertThat(f.single("quantile(2, m)", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.single("quantile(-1, m)", 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void countValuesFormatsLikeGoAndMayOverwriteALabel() {
        f.sample("__name__,m,i,a", 0, 1e21).sample("__name__,m,i,b", 0, 0.1).sample("__name__,m,i,c", 0, 0.1);
        assertThat(f.values("count_values(\"v\", m)", 0)).containsExactly(
                Map.entry("{v=\"1000000000000000000000\"}", 1.0), Map.entry("{v=\"0.1\"}", 2.0));
        assertThat(f.values("count_values without () (\"i\", m)", 0)).containsOnlyKeys(
                "{i=\"1000000000000000000000\"}", "{i=\"0.1\"}");
    }

    @Test
    void groupsAppearInFirstSeenOrder() {
        f.sample("__name__,m,g,z", 0, 1).sample("__name__,n,g,a", 0, 1);
        assertThat(List.copyOf(f.values("sum by (g) ({__name__=~\"m|n\"})", 0).keySet()))
                .containsExactly("{g=\"z\"}", "{g=\"a\"}");
    }
}
