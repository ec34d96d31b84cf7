package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryOperatorTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void scalarArithmeticFollowsGoMath() {
        assertThat(f.scalar("-7 % 3", 0)).isEqualTo(-1);
        assertThat(f.scalar("7 % 0", 0)).isNaN();
        assertThat(f.scalar("1 ^ NaN", 0)).isEqualTo(1);
        assertThat(f.scalar("(-1) ^ Inf", 0)).isEqualTo(1);
        assertThat(f.scalar("1 / 0", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.scalar("2 > bool 1", 0)).isEqualTo(1);
    }

    @Test
    void vectorScalarComparisonKeepsTheVectorValueAndName() {
        f.sample("__name__,m,i,a", 0, 1).sample("__name__,m,i,b", 0, 5);
        assertThat(f.values("2 < m", 0)).containsExactly(Map.entry("m{i=\"b\"}", 5.0));
        assertThat(f.values("m > bool 2", 0)).containsExactly(Map.entry("{i=\"a\"}", 0.0),
                Map.entry("{i=\"b\"}", 1.0));
        assertThat(f.values("m * 2", 0)).containsOnlyKeys("{i=\"a\"}", "{i=\"b\"}");
        assertThat(f.values("m atan2 1", 0)).containsOnlyKeys("m{i=\"a\"}", "m{i=\"b\"}");
    }

    @Test
    void oneToOneMatchingReducesLabels() {
        f.sample("__name__,a,job,x,instance,1", 0, 6).sample("__name__,b,job,x,instance,1", 0, 3);
        assertThat(f.values("a / on(instance) b", 0)).containsExactly(Map.entry("{instance=\"1\"}", 2.0));
        assertThat(f.values("a / ignoring(job) b", 0)).containsExactly(Map.entry("{instance=\"1\"}", 2.0));
        assertThat(f.values("a + on() b", 0)).containsExactly(Map.entry("{}", 9.0));
        assertThat(f.values("a > b", 0)).containsExactly(Map.entry("a{instance=\"1\", job=\"x\"}", 6.0));
    }

    @Test
    void groupLeftCopiesExtraLabelsFromTheOneSide() {
        f.sample("__name__,req,pod,p1,code,200", 0, 10).sample("__name__,req,pod,p1,code,500", 0, 2)
                .sample("__name__,info,pod,p1,node,n7", 0, 1);
        assertThat(f.values("req * on(pod) group_left(node) info", 0)).containsExactly(
                Map.entry("{code=\"200\", node=\"n7\", pod=\"p1\"}", 10.0),
                Map.entry("{code=\"500\", node=\"n7\", pod=\"p1\"}", 2.0));
        assertThat(f.values("info * on(pod) group_right(node) req", 0)).containsOnlyKeys(
                "{code=\"200\", node=\"n7\", pod=\"p1\"}", "{code=\"500\", node=\"n7\", pod=\"p1\"}");
    }

    @Test
    void manyToManyAndDuplicateErrorsUsePrometheusMessages() {
        f.sample("__name__,a,pod,p1,c,1", 0, 1).sample("__name__,a,pod,p1,c,2", 0, 1)
                .sample("__name__,b,pod,p1", 0, 1);
        assertThatThrownBy(() -> f.eval("b + on(pod) a", 0)).isInstanceOf(PromqlEvalException.class)
                .hasMessage("found duplicate series for the match group {pod=\"p1\"} on the right hand-side of the "
                        + "operation: [{__name__=\"a\", c=\"2\", pod=\"p1\"}, {__name__=\"a\", c=\"1\", pod=\"p1\"}];"
                        + "many-to-many matching not "
                        + "allowed: matching labels must be unique on one side");
        assertThatThrownBy(() -> f.eval("a + on(pod) b", 0))
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit "
                        + "(group_left/group_right)");
        assertThat(f.values("a + on(pod) group_left b", 0)).hasSize(2);
    }

    @Test
    void manyToManyMessageIsPromtoolsForItsBadPromqlFixture() {
        f.sample("__name__,join_1,a,1,b,2", 0, 1).sample("__name__,join_2,a,1,b,3", 0, 2)
                .sample("__name__,join_2,a,1,b,4", 0, 3);
        // promtool 2.42 on cmd/promtool/testdata/bad-promql.yml prints exactly this
        assertThatThrownBy(() -> f.eval("join_1 + on(a) join_2", 0)).hasMessage("found duplicate series for the "
                + "match group {a=\"1\"} on the right hand-side of the operation: [{__name__=\"join_2\", a=\"1\", "
                + "b=\"4\"}, {__name__=\"join_2\", a=\"1\", b=\"3\"}];many-to-many matching not allowed: matching "
                + "labels must be unique on one side");
    }

    @Test
    void sameLabelsetAfterDroppingNamesIsAnError() {
        f.sample("__name__,a,x,1", 0, 1.5).sample("__name__,b,x,1", 0, 2.5);
        assertThatThrownBy(() -> f.eval("ceil({__name__=~\"a|b\"})", 0))
                .hasMessage("vector cannot contain metrics with the same labelset");
        assertThat(f.values("{__name__=~\"a|b\"} > 0", 0)).hasSize(2);
    }

    @Test
    void setOperatorsMatchOnSignatures() {
        f.sample("__name__,a,x,1", 0, 1).sample("__name__,a,x,2", 0, 2).sample("__name__,b,x,2", 0, 20)
                .sample("__name__,b,x,3", 0, 30);
        assertThat(f.values("a and b", 0)).containsExactly(Map.entry("a{x=\"2\"}", 2.0));
        assertThat(f.values("a unless b", 0)).containsExactly(Map.entry("a{x=\"1\"}", 1.0));
        assertThat(f.values("a or b", 0)).containsExactly(Map.entry("a{x=\"1\"}", 1.0),
                Map.entry("a{x=\"2\"}", 2.0), Map.entry("b{x=\"3\"}", 30.0));
        assertThat(f.values("a and on() b", 0)).hasSize(2);
    }
}
