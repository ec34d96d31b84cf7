package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void roundTiesUpAndSupportsToNearest() {
        f.sample("__name__,m,i,a", 0, -2.5).sample("__name__,m,i,b", 0, 2.5).sample("__name__,m,i,c", 0, 1.26);
        assertThat(f.values("round(m)", 0)).containsExactly(Map.entry("{i=\"a\"}", -2.0),
                Map.entry("{i=\"b\"}", 3.0), Map.entry("{i=\"c\"}", 1.0));
        assertThat(f.values("round(m, 0.1)", 0).get("{i=\"c\"}")).isEqualTo(1.3);
    }

    @Test
    void clampVariants() {
        f.sample("__name__,m,i,a", 0, -5).sample("__name__,m,i,b", 0, 5).sample("__name__,m,i,c", 0, Double.NaN);
        assertThat(f.values("clamp(m, 0, 1)", 0)).containsEntry("{i=\"a\"}", 0.0).containsEntry("{i=\"b\"}", 1.0);
        assertThat(f.values("clamp(m, 0, 1)", 0).get("{i=\"c\"}")).isNaN();
        assertThat(f.vector("clamp(m, 2, 1)", 0).isEmpty()).isTrue();
        assertThat(f.values("clamp_min(m, 0)", 0)).containsEntry("{i=\"a\"}", 0.0).containsEntry("{i=\"b\"}", 5.0);
        assertThat(f.values("clamp_max(m, 0)", 0)).containsEntry("{i=\"a\"}", -5.0).containsEntry("{i=\"b\"}", 0.0);
    }

    @Test
    void labelReplaceExpandsLikeGo() {
        f.sample("__name__,m,src,ab-cd", 0, 1);
        assertThat(f.values("label_replace(m, \"dst\", \"${2}_$1\", \"src\", \"(.*)-(.*)\")", 0))
                .containsOnlyKeys("m{dst=\"cd_ab\", src=\"ab-cd\"}");
        // "$2_" names a group "2_", which does not exist
        assertThat(f.values("label_replace(m, \"dst\", \"$2_$1\", \"src\", \"(.*)-(.*)\")", 0))
                .containsOnlyKeys("m{dst=\"ab\", src=\"ab-cd\"}");
        // "$1x" names a group "1x", which does not exist: it expands to nothing
        assertThat(f.values("label_replace(m, \"dst\", \"$1x${1}y$$\", \"src\", \"(.*)-.*\")", 0))
                .containsOnlyKeys("m{dst=\"aby$\", src=\"ab-cd\"}");
        assertThat(f.values("label_replace(m, \"src\", \"\", \"src\", \".*\")", 0)).containsOnlyKeys("m{}");
        assertThat(f.values("label_replace(m, \"dst\", \"<$first_part>\", \"src\", \"(?P<first_part>[a-z]+)-.*\")", 0))
                .containsOnlyKeys("m{dst=\"<ab>\", src=\"ab-cd\"}");
        assertThat(f.values("label_replace(m, \"dst\", \"x\", \"src\", \"nomatch\")", 0))
                .containsOnlyKeys("m{src=\"ab-cd\"}");
        assertThatThrownBy(() -> f.eval("label_replace(m, \"1bad\", \"x\", \"src\", \".*\")", 0))
                .hasMessage("invalid destination label name in label_replace(): 1bad");
        assertThatThrownBy(() -> f.eval("label_replace(m, \"d\", \"x\", \"src\", \"(\")", 0))
                .hasMessage("invalid regular expression in label_replace(): (");
    }

    @Test
    void labelJoin() {
        f.sample("__name__,m,a,1,b,2", 0, 1);
        assertThat(f.values("label_join(m, \"j\", \"-\", \"a\", \"missing\", \"b\")", 0))
                .containsOnlyKeys("m{a=\"1\", b=\"2\", j=\"1--2\"}");
    }

    @Test
    void absentUsesEqualityMatchersOnly() {
        assertThat(f.values("absent(nope{a=\"1\",b=~\"x\",c=\"2\",c=\"3\"})", 0)).containsOnlyKeys("{a=\"1\"}");
        f.sample("__name__,m", 0, 1);
        assertThat(f.vector("absent(m)", 0).isEmpty()).isTrue();
        assertThat(f.values("absent(sum(nope))", 0)).containsOnlyKeys("{}");
    }

    @Test
    void histogramQuantileOnClassicBuckets() {
        f.sample("__name__,h,le,0.1", 0, 10).sample("__name__,h,le,1", 0, 20).sample("__name__,h,le,+Inf", 0, 20);
        assertThat(f.values("histogram_quantile(0.75, h)", 0)).containsOnlyKeys("{}");
        assertThat(f.single("histogram_quantile(0.75, h)", 0)).isCloseTo(0.55, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(f.single("histogram_quantile(0.25, h)", 0)).isEqualTo(0.05);
        assertThat(f.single("histogram_quantile(2, h)", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.single("histogram_quantile(NaN, h)", 0)).isNaN();
    }

    @Test
    void histogramQuantileRejectsTwoHistogramsWithTheSameLabelsButNames() {
        f.sample("__name__,a,le,1", 0, 1).sample("__name__,a,le,+Inf", 0, 1);
        f.sample("__name__,b,le,1", 0, 1).sample("__name__,b,le,+Inf", 0, 1);
        assertThatThrownBy(() -> f.eval("histogram_quantile(0.5, {__name__=~\"a|b\"})", 0))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void sortPutsNaNLast() {
        f.sample("__name__,m,i,a", 0, Double.NaN).sample("__name__,m,i,b", 0, 3).sample("__name__,m,i,c", 0, 1);
        assertThat(List.copyOf(f.values("sort(m)", 0).keySet())).containsExactly("m{i=\"c\"}", "m{i=\"b\"}",
                "m{i=\"a\"}");
        assertThat(List.copyOf(f.values("sort_desc(m)", 0).keySet())).containsExactly("m{i=\"b\"}", "m{i=\"c\"}",
                "m{i=\"a\"}");
    }

    @Test
    void dateFunctionsUseUtcAndDefaultToTheEvaluationTime() {
        // 2020-02-29T23:59:59Z = 1583020799
        assertThat(f.single("day_of_month(vector(1583020799))", 0)).isEqualTo(29);
        assertThat(f.single("days_in_month(vector(1583020799))", 0)).isEqualTo(29);
        assertThat(f.single("day_of_week(vector(1583020799))", 0)).isEqualTo(6);
        assertThat(f.single("hour()", 7200)).isEqualTo(2);
        assertThat(f.single("year()", 0)).isEqualTo(1970);
        assertThat(f.scalar("time()", 12.5)).isEqualTo(12.5);
    }

    @Test
    void scalarAndVector() {
        f.sample("__name__,m,i,a", 0, 4).sample("__name__,m,i,b", 0, 5);
        assertThat(f.scalar("scalar(m{i=\"a\"})", 0)).isEqualTo(4);
        assertThat(f.scalar("scalar(m)", 0)).isNaN();
        assertThat(f.values("vector(3)", 0)).containsExactly(Map.entry("{}", 3.0));
    }

    @Test
    void mathFunctionsMatchGoSpecialCases() {
        assertThat(f.single("log2(vector(8))", 0)).isEqualTo(3);
        assertThat(f.single("sgn(vector(-3))", 0)).isEqualTo(-1);
        assertThat(f.single("atanh(vector(1))", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.single("deg(vector(pi()))", 0)).isEqualTo(180);
    }
}
