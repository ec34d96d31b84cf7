package io.sloc.emit.behaviour;

import static io.sloc.emit.behaviour.WorkbookFixture.query;
import static io.sloc.emit.behaviour.WorkbookFixture.selector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.emit.behaviour.SeriesSynthesizer.InputSeries;
import io.sloc.emit.behaviour.SyntheticTraffic.Segment;
import io.sloc.model.Sli;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.LabelMatcher.Type;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesSynthesizerTest {
    private static final SyntheticTraffic TRAFFIC = SyntheticTraffic.of(Duration.ofMinutes(1),
            new Segment(2, 100, 0), new Segment(2, 100, 30));

    @Test
    void goodEventsOfOneMetricGetAValueTheGoodSelectorMatchesAndTheBadOneNot() {
        Sli.Ratio good = new Sli.Ratio(query(selector("http_requests_total", new LabelMatcher(Type.NOT_REGEX, "code",
                "5..|429"), new LabelMatcher(Type.EQUAL, "job", "api"))), false,
                query(selector("http_requests_total", new LabelMatcher(Type.EQUAL, "job", "api"))));
        List<InputSeries> series = SeriesSynthesizer.series(good, Set.of("route"), TRAFFIC);
        assertThat(series).extracting(InputSeries::series).containsExactly(
                "http_requests_total{code=\"500\",job=\"api\",route=\"synthetic\"}",
                "http_requests_total{code=\"200\",job=\"api\",route=\"synthetic\"}");
        assertThat(series.get(0).values()).containsExactly(0.0, 0.0, 0.0, 30.0, 60.0);
        assertThat(series.get(1).values()).containsExactly(0.0, 100.0, 200.0, 270.0, 340.0);
    }

    @Test
    void aNativeHistogramPutsFastRequestsInTheBucketBelowTheBoundaryAndSlowOnesAbove() {
        Sli.NativeLatency latency = new Sli.NativeLatency(query(selector("rpc_seconds",
                new LabelMatcher(Type.EQUAL, "job", "rpc"))), new java.math.BigDecimal("0.25"), 3);
        List<? extends SeriesSynthesizer.Written> series = SeriesSynthesizer.written(latency, Set.of("route"), TRAFFIC);
        assertThat(series).extracting(SeriesSynthesizer.Written::series)
                .containsExactly("rpc_seconds{job=\"rpc\",route=\"synthetic\"}");
        // 0.25 = 2^(-16/8): bucket -16 ends there, bucket -15 is the next; one run per segment
        String sum = "sum:[0-9.]+";
        assertThat(series.get(0).notation()).matches(
                "\\{\\{schema:3 count:0 sum:0 offset:-16 buckets:\\[0 0]}}"
                        + "\\+\\{\\{schema:3 count:100 " + sum + " offset:-16 buckets:\\[100 0]}}x2 "
                        + "\\{\\{schema:3 count:300 " + sum + " offset:-16 buckets:\\[270 30]}}"
                        + "\\+\\{\\{schema:3 count:100 " + sum + " offset:-16 buckets:\\[70 30]}}x1");
    }

    @Test
    void eventsAndTotalOfDifferentMetricsAreTwoCounters() {
        Sli.Ratio errors = new Sli.Ratio(query(selector("jobs_failed_total")), true,
                query(selector("jobs_total", new LabelMatcher(Type.REGEX, "queue", "fast|slow"))));
        assertThat(SeriesSynthesizer.series(errors, Set.of(), TRAFFIC)).extracting(InputSeries::series)
                .containsExactly("jobs_failed_total", "jobs_total{queue=\"fast\"}");
    }

    @Test
    void aGaugeSliIsOneSeriesPerInstance() {
        Sli.Availability up = new Sli.Availability(query(selector("up", new LabelMatcher(Type.EQUAL, "job", "x"))));
        SyntheticTraffic instances = SyntheticTraffic.of(Duration.ofMinutes(1), new Segment(2, 3, 0),
                new Segment(2, 3, 2));
        List<InputSeries> series = SeriesSynthesizer.series(up, Set.of(), instances);
        assertThat(series).extracting(InputSeries::series).containsExactly("up{instance=\"synthetic-0\",job=\"x\"}",
                "up{instance=\"synthetic-1\",job=\"x\"}", "up{instance=\"synthetic-2\",job=\"x\"}");
        assertThat(series.get(0).values()).containsExactly(1.0, 1.0, 1.0, 0.0, 0.0);
        assertThat(series.get(2).values()).containsOnly(1.0);
    }

    @Test
    void selectorsThatNoSeriesCanTellApartAreRefused() {
        Sli.Ratio same = new Sli.Ratio(query(selector("x_total")), true, query(selector("x_total")));
        assertThatThrownBy(() -> SeriesSynthesizer.series(same, Set.of(), TRAFFIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no label values satisfy x_total but not x_total"); // a compile warning: PromQL, not Java
    }
}
