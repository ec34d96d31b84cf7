package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.value.Labels;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
    @Test
    void samplesAndTypedFamiliesGiveTheSeriesNames() {
        String scrape = """
                # HELP http_request_duration_seconds Latency.
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.1"} 3
                # TYPE rpc_seconds summary
                # TYPE queue_depth gauge
                queue_depth 4
                  process_open_fds\t12
                {"my.dotted.metric", job="a"} 1
                {"quoted \\"name\\""} 1
                # EOF
                """;
        assertThat(MetricsScrape.read(scrape, "scrape.prom").names()).containsExactly(
                "http_request_duration_seconds", "http_request_duration_seconds_bucket",
                "http_request_duration_seconds_count", "http_request_duration_seconds_sum",
                "my.dotted.metric", "process_open_fds", "queue_depth", "quoted \"name\"", "rpc_seconds",
                "rpc_seconds_count", "rpc_seconds_sum");
    }

    @Test
    void aLineThatIsNoSampleIsLocated() {
        assertThatThrownBy(() -> MetricsScrape.read("up 1\n\n  {\"unterminated 1\n", "scrape.prom"))
                .isInstanceOfSatisfying(BadInputException.class, e ->
                        assertThat(e.location()).isEqualTo(new SourceLocation("scrape.prom", 3, 3)));
        assertThatThrownBy(() -> MetricsScrape.read("{\"error\": \"not found\"}\n", "scrape.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a Prometheus text-exposition");
    }

    @Test
    void samplesKeepTheirLabelsWithoutValuesTimestampsOrExemplars() {
        String scrape = """
                api_seconds_bucket{route="/a b",le="0.30"} 3 1700000000000 # {trace_id="x"} 0.2
                api_seconds_count 7 # {trace_id="y"} 1
                {"my.metric", "a.b"="c\\"d"} 1
                """;
        assertThat(MetricsScrape.read(scrape, "scrape.prom").series()).containsExactly(
                Labels.of("__name__", "api_seconds_bucket", "le", "0.30", "route", "/a b"),
                Labels.of("__name__", "api_seconds_count"),
                Labels.of("__name__", "my.metric", "a.b", "c\"d"));
    }
}
