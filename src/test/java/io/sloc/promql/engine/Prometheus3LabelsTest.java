package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.Functions;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus 3's aggregations, metric-name dropping, info() and matching, against the same data in 2.42. */
class Prometheus3LabelsTest {
    private static final PromqlProfile V3 = PromqlProfile.V3_14;
    private static final PromqlProfile EXPERIMENTAL = V3.withFeatures(Set.of(Functions.EXPERIMENTAL_FEATURE));
    private static final PromqlProfile DELAYED = V3.withFeatures(Set.of(PromqlProfile.DELAYED_NAME_REMOVAL));

    private final MemoryStorage storage = new MemoryStorage();

    private Prometheus3LabelsTest sample(String nameValuePairs, long timeMs, double value) {
        storage.append(Labels.of(nameValuePairs.split(",")), timeMs, value);
        return this;
    }

    private Engine.Result<?> run(PromqlProfile profile, String query, long atMs) {
        Engine engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, 60_000L, 0, profile));
        return engine.instant(storage, PromqlParser.parse(query, profile), atMs);
    }

    private Map<String, Double> values(PromqlProfile profile, String query) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sample s : ((Vector) run(profile, query, 0).value()).samples()) {
            out.put(s.metric().toMetricString(), s.value());
        }
        return out;
    }

    private double single(PromqlProfile profile, String query) {
        Map<String, Double> v = values(profile, query);
        assertThat(v).hasSize(1);
        return v.values().iterator().next();
    }

    @Test
    void sumAndAvgAreCompensatedIn3() {
        sample("__name__,m,i,a", 0, 1e100).sample("__name__,m,i,b", 0, 1).sample("__name__,m,i,c", 0, -1e100);
        assertThat(single(PromqlProfile.V2_42, "sum(m)")).isEqualTo(0);
        assertThat(single(V3, "sum(m)")).isEqualTo(1);
        assertThat(single(V3, "avg(m)")).isEqualTo(1.0 / 3);
    }

    @Test
    void avgFallsBackToAnIncrementalMeanWhenTheSumOverflows() {
        sample("__name__,m,i,a", 0, Double.MAX_VALUE).sample("__name__,m,i,b", 0, Double.MAX_VALUE);
        assertThat(single(V3, "avg(m)")).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void deviationOfANonFiniteFirstValueIsNaN() {
        sample("__name__,m,i,a", 0, Double.POSITIVE_INFINITY).sample("__name__,m,i,b", 0, 1);
        assertThat(single(V3, "stddev(m)")).isNaN();
        assertThat(single(V3, "stdvar by (i) (m{i=\"a\"})")).isNaN();
    }

    @Test
    void parameterChecksAndWarnings() {
        sample("__name__,m,i,a", 0, 1);
        assertThatThrownBy(() -> run(V3, "topk(NaN, m)", 0)).hasMessage("Parameter value is NaN");
        assertThatThrownBy(() -> run(PromqlProfile.V2_42, "topk(NaN, m)", 0))
                .hasMessage("Scalar value NaN overflows int64");
        assertThat(run(V3, "quantile(2, m)", 0).annotations().render(Annotations.Kind.WARNING, "quantile(2, m)"))
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got 2 (1:10)");
    }

    @Test
    void topkPrefersANumberOverANaNAtTheTopOfItsHeap() {
        sample("__name__,m,i,a", 0, Double.NaN).sample("__name__,m,i,b", 0, 1);
        assertThat(values(V3, "topk(1, m)")).containsExactly(Map.entry("m{i=\"b\"}", 1.0));
    }

    @Test
    void limitkKeepsTheFirstKSeriesOfEachGroup() {
        sample("__name__,m,g,x,i,1", 0, 1).sample("__name__,m,g,x,i,2", 0, 2).sample("__name__,m,g,y,i,3", 0, 3);
        assertThat(values(EXPERIMENTAL, "limitk by (g) (1, m)")).containsOnlyKeys("m{g=\"x\", i=\"1\"}",
                "m{g=\"y\", i=\"3\"}");
        assertThat(values(EXPERIMENTAL, "limitk(0, m)")).isEmpty();
    }

    @Test
    void limitRatioAndItsComplementPartitionTheSeries() {
        for (int i = 0; i < 20; i++) {
            sample("__name__,m,i," + i, 0, i);
        }
        Map<String, Double> half = values(EXPERIMENTAL, "limit_ratio(0.3, m)");
        Map<String, Double> rest = values(EXPERIMENTAL, "limit_ratio(-0.7, m)");
        assertThat(half.keySet()).doesNotContainAnyElementsOf(rest.keySet());
        assertThat(half.size() + rest.size()).isEqualTo(20);
        assertThat(values(EXPERIMENTAL, "limit_ratio(1, m)")).hasSize(20);
        assertThatThrownBy(() -> run(EXPERIMENTAL, "limit_ratio(NaN, m)", 0)).hasMessage("Ratio value is NaN");
    }

    @Test
    void limitAggregationsAreExperimentalKeywordsOf3() {
        assertThatThrownBy(() -> PromqlParser.parse("limitk(1, m)", V3))
                .hasMessageContaining("limitk() is experimental and must be enabled with "
                        + "--enable-feature=promql-experimental-functions");
        assertThatThrownBy(() -> PromqlParser.parse("limitk(1, m)", PromqlProfile.V2_42))
                .hasMessageContaining("unknown function with name \"limitk\"");
        PromqlParser.parse("sum by (limitk) (limit_ratio)", V3);
    }

    @Test
    void metadataLabelsGoWithTheMetricName() {
        sample("__name__,m,__type__,counter,__unit__,s,i,a", 0, 2);
        assertThat(values(V3, "-m")).containsOnlyKeys("{i=\"a\"}");
        assertThat(values(PromqlProfile.V2_42, "-m"))
                .containsOnlyKeys("{__type__=\"counter\", __unit__=\"s\", i=\"a\"}");
        assertThat(values(V3, "m > 1")).containsOnlyKeys("m{__type__=\"counter\", __unit__=\"s\", i=\"a\"}");
    }

    @Test
    void delayedNameRemovalLetsLabelFunctionsReadTheName() {
        sample("__name__,a,j,1", 0, 1).sample("__name__,b,j,1", 0, 2);
        String query = "label_replace(abs({j=\"1\"}), \"n\", \"$1\", \"__name__\", \"(.+)\")";
        assertThat(values(DELAYED, query)).containsOnlyKeys("{j=\"1\", n=\"a\"}", "{j=\"1\", n=\"b\"}");
        assertThatThrownBy(() -> run(V3, query, 0))
                .hasMessage("vector cannot contain metrics with the same labelset");
        assertThat(values(DELAYED, "label_replace(abs(a), \"__name__\", \"x_$1\", \"__name__\", \"(.+)\")"))
                .containsOnlyKeys("x_a{j=\"1\"}");
        assertThat(values(DELAYED, "sort(topk(1, abs(a)))")).containsOnlyKeys("{j=\"1\"}");
        assertThatThrownBy(() -> run(DELAYED, "sum by (__name__) (abs({j=\"1\"}))", 0))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void regexDotMatchesANewlineIn3() {
        sample("__name__,m,l,a\nb", 0, 1);
        assertThat(values(V3, "m{l=~\"a.b\"}")).hasSize(1);
        assertThat(values(PromqlProfile.V2_42, "m{l=~\"a.b\"}")).isEmpty();
    }

    @Test
    void comparisonFilteringDoesNotHideAManyToOneMatch() {
        sample("__name__,many,l,x,job,t", 0, 0).sample("__name__,many,l,y,job,t", 0, 0)
                .sample("__name__,one,job,t", 0, 1);
        assertThat(values(PromqlProfile.V2_42, "many > on(job) one")).isEmpty();
        assertThatThrownBy(() -> run(V3, "many > on(job) one", 0))
                .hasMessageContaining("multiple matches for labels");
    }

    @Test
    void aBoolComparisonMayTakeTheNameFromGroupLabelsIn3() {
        sample("__name__,a,i,1", 0, 1).sample("__name__,b", 0, 1);
        String query = "a == bool on() group_left(__name__) b";
        assertThat(values(V3, query)).containsOnlyKeys("b{i=\"1\"}");
        assertThat(values(PromqlProfile.V2_42, query)).containsOnlyKeys("{i=\"1\"}");
    }

    @Test
    void infoAddsTheDataLabelsOfTheMatchingInfoSeries() {
        sample("__name__,m,instance,a,job,j", 0, 1).sample("__name__,m,instance,b,job,j", 0, 2)
                .sample("__name__,target_info,instance,a,job,j,region,eu", 0, 1)
                .sample("__name__,build_info,instance,b,job,j,version,2", 0, 1);
        assertThat(values(EXPERIMENTAL, "info(m)")).containsOnlyKeys(
                "m{instance=\"a\", job=\"j\", region=\"eu\"}", "m{instance=\"b\", job=\"j\"}");
        assertThat(values(EXPERIMENTAL, "info(m, {__name__=~\".+_info\", version=~\".+\"})"))
                .containsOnlyKeys("m{instance=\"b\", job=\"j\", version=\"2\"}");
        assertThat(values(EXPERIMENTAL, "info(m, {})")).hasSize(2);
        assertThatThrownBy(() -> PromqlParser.parse("info(m, build_info)", EXPERIMENTAL))
                .hasMessageContaining("expected label selectors only, got vector selector instead");
    }

    @Test
    void labelReplaceAndJoinAcceptUtf8LabelNamesOnlyIn3() {
        sample("__name__,m,job,api", 0, 1);
        String replace = "label_replace(m, \"service.name\", \"$1\", \"job\", \"(.*)\")";
        assertThat(values(V3, replace)).containsKey("m{job=\"api\", service.name=\"api\"}");
        assertThatThrownBy(() -> values(PromqlProfile.V2_42, replace))
                .hasMessage("invalid destination label name in label_replace(): service.name");
        String join = "label_join(m, \"a.b\", \"-\", \"job\", \"job\")";
        assertThat(values(V3, join)).containsKey("m{a.b=\"api-api\", job=\"api\"}");
        assertThatThrownBy(() -> values(PromqlProfile.V2_42, join))
                .hasMessage("invalid destination label name in label_join(): a.b");
    }
}
