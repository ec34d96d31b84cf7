package io.sloc.promql.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.parser.PromqlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query sample limit of Prometheus 3 at its exact edge: each instant query, its evaluation time and the smallest
 * limit it passes, as Prometheus's own engine tests state them (TestQueryStatistics' peak samples and
 * TestMaxQuerySamples, promql/engine_test.go at 3.14). One sample fewer must fail. A native histogram counts by its
 * size: {@code (bytes + 8) / 16} when held as a point, 13 for the histograms below. Left out: the three cases whose
 * subquery holds a step-invariant one ({@code @} inside), which Prometheus evaluates once and we at each step.
 */
class SampleLimitOracleTest {
    private static final String STATISTICS_DATA = """
            load 10s
              metricWith1SampleEvery10Seconds 1+1x100
              metricWith3SampleEvery10Seconds{a="1",b="1"} 1+1x100
              metricWith3SampleEvery10Seconds{a="2",b="2"} 1+1x100
              metricWith3SampleEvery10Seconds{a="3",b="2"} 1+1x100
              metricWith1HistogramEvery10Seconds {{schema:1 count:5 sum:20 buckets:[1 2 1 1]}}+{{schema:1 count:10 sum:5 buckets:[1 2 3 4]}}x100
            """;
    private static final String MAX_SAMPLES_DATA = """
            load 10s
              metric 1+1x100
              bigmetric{a="1"} 1+1x100
              bigmetric{a="2"} 1+1x100
              metricWith1HistogramEvery10Seconds {{schema:1 count:5 sum:20 buckets:[1 2 1 1]}}+{{schema:1 count:10 sum:5 buckets:[1 2 3 4]}}x100
            """;

    @ParameterizedTest(name = "{0} at {1}s: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 21 | 1
            metricWith1SampleEvery10Seconds | 21 | 1
            metricWith1HistogramEvery10Seconds | 21 | 13
            timestamp(metricWith1SampleEvery10Seconds) | 21 | 2
            timestamp(metricWith1HistogramEvery10Seconds) | 21 | 2
            metricWith1SampleEvery10Seconds | 22 | 1
            metricWith1SampleEvery10Seconds offset 10s | 21 | 1
            metricWith1SampleEvery10Seconds @ 15 | 21 | 1
            metricWith3SampleEvery10Seconds{a="1"} | 21 | 1
            metricWith3SampleEvery10Seconds{a="1"} @ 19 | 21 | 1
            metricWith3SampleEvery10Seconds{a="1"}[20s] @ 19 | 21 | 2
            metricWith3SampleEvery10Seconds | 21 | 3
            metricWith1SampleEvery10Seconds[60s] | 201 | 6
            metricWith1HistogramEvery10Seconds[60s] | 201 | 78
            max_over_time(metricWith1SampleEvery10Seconds[60s])[20s:5s] | 201 | 10
            max_over_time(metricWith1SampleEvery10Seconds[61s])[20s:5s] | 201 | 11
            max_over_time(metricWith1HistogramEvery10Seconds[60s])[20s:5s] | 201 | 78
            metricWith1SampleEvery10Seconds[60s] @ 30 | 201 | 4
            metricWith1HistogramEvery10Seconds[60s] @ 30 | 201 | 52
            sum(max_over_time(metricWith3SampleEvery10Seconds[60s] @ 30)) | 201 | 7
            sum by (b) (max_over_time(metricWith3SampleEvery10Seconds[60s] @ 30)) | 201 | 7
            metricWith1SampleEvery10Seconds[60s] offset 10s | 201 | 6
            metricWith3SampleEvery10Seconds[60s] | 201 | 18
            max_over_time(metricWith1SampleEvery10Seconds[60s]) | 201 | 7
            absent_over_time(metricWith1SampleEvery10Seconds[60s]) | 201 | 7
            max_over_time(metricWith3SampleEvery10Seconds[60s]) | 201 | 9
            metricWith1SampleEvery10Seconds[60s:5s] | 201 | 12
            metricWith1SampleEvery10Seconds[60s:5s] offset 10s | 201 | 12
            max_over_time(metricWith3SampleEvery10Seconds[60s:5s]) | 201 | 51
            sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s])) + sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s])) | 201 | 52
            max_over_time(metricWith1SampleEvery10Seconds[20s:10s]) | 201 | 5
            sum_over_time(metricWith1SampleEvery10Seconds[30s:30s]) | 90 | 3
            max_over_time(metricWith1SampleEvery10Seconds[30s:2m]) | 240 | 3
            histogram_count(max_over_time(metricWith1HistogramEvery10Seconds[20s:10s])) | 201 | 52
            sum_over_time(metricWith3SampleEvery10Seconds[20s:10s] @ 200) | 250 | 11
            sum_over_time(metricWith1SampleEvery10Seconds[20s:10s] offset 1m) | 240 | 5
            sum_over_time(metricWith3SampleEvery10Seconds[1m:10s] @ 200 offset 1m) | 300 | 27
            rate(sum_over_time(metricWith1SampleEvery10Seconds[30s])[1m:30s]) | 240 | 5
            """)
    void queryStatisticsPeak(String query, long atSeconds, int peak) {
        assertLimitEdge(STATISTICS_DATA, query, atSeconds, peak);
    }

    @ParameterizedTest(name = "{0} at {1}s: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 1 | 1
            metric | 1 | 1
            metric[20s] | 10 | 2
            rate(metric[20s]) | 10 | 3
            metric[20s:5s] | 10 | 3
            metric[20s] @ 10 | 0 | 2
            max_over_time(metricWith1HistogramEvery10Seconds[61s])[20s:5s] | 201 | 91
            """)
    void maxQuerySamples(String query, long atSeconds, int limit) {
        assertLimitEdge(MAX_SAMPLES_DATA, query, atSeconds, limit);
    }

    private static void assertLimitEdge(String data, String query, long atSeconds, int limit) {
        ScriptRunner loaded = new ScriptRunner(PromqlProfile.V3_14);
        ScriptParser.parse(data, PromqlProfile.V3_14).forEach(loaded::apply);
        var expr = PromqlParser.parse(query, PromqlProfile.V3_14);
        long atMs = atSeconds * 1000;
        assertThat(engine(limit).instant(loaded.storage(), expr, atMs).value()).isNotNull();
        if (limit == 1) {
            return; // a limit of 0 means none
        }
        assertThatThrownBy(() -> engine(limit - 1).instant(loaded.storage(), expr, atMs))
                .hasMessage("query processing would load too many samples into memory in query execution");
    }

    private static Engine engine(int maxSamples) {
        return new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, 60_000L, maxSamples,
                PromqlProfile.V3_14));
    }
}
