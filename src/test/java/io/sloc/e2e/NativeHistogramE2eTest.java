package io.sloc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.sloc.compiler.CompileOptions;
import io.sloc.dsl.SloSpecParser;
import io.sloc.fixtures.LiveNativeLatencyService;
import io.sloc.fixtures.PrometheusServer;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end for a latency SLO over a native histogram: the real Prometheus 2.42, started with
 * {@code --enable-feature=native-histograms}, scrapes a service instrumented with the Java client 1.x in protobuf
 * every second and evaluates the rules sloc compiled; checked over the HTTP API: the rules evaluate cleanly, the SLI's
 * error ratio is the share of slow requests, and when every request turns slow the page alert fires.
 */
@Tag("e2e")
class NativeHistogramE2eTest {
    /** 300ms is no bucket boundary: the SLI counts up to the schema-3 boundary below (297.3ms); fast is 100ms,
     *  slow 500ms, both far from it. 2% of a 1h budget in 1m: factor 1.2, threshold 1.2 x 5% = 0.06. */
    static final String SPEC = """
            service hatago {
              slo latency {
                objective 95%
                window 1h
                sli latency {
                  native_histogram `http_request_duration_seconds{job="hatago"}`
                  faster_than 300ms
                }
                alerting {
                  window { budget 2% long 1m short 10s severity page }
                }
              }
            }
            """;
    private static final int HEALTHY_SLOW_EVERY = 50;
    private static final String RATIO_10S = "slo:sli_error:ratio_rate10s{slo=\"latency\"}";

    @Test
    @Timeout(120)
    void nativeLatencyRulesEvaluateOnScrapedNativeHistogramsAndCarryTheSlowShare(@TempDir Path dir) throws Exception {
        CompileSpecs.Result compiled = CompileSpecs.inMemory(List.of(SloSpecParser.parse(SPEC, "e2e.slo")),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
        assertThat(compiled.warnings()).anySatisfy(w -> assertThat(w.message()).contains("up to 297.302ms as fast"));
        List<Path> ruleFiles = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : compiled.output().files().subMap("rules/", "rules0").entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            ruleFiles.add(Files.write(path, file.getValue()));
        }
        try (LiveNativeLatencyService service = new LiveNativeLatencyService(HEALTHY_SLOW_EVERY);
             PrometheusServer prometheus = PrometheusServer.start(dir, ruleFiles, service.port(), "native-histograms")) {
            prometheus.await("a scraped native histogram", Duration.ofSeconds(30), p -> !p.query(
                    LiveNativeLatencyService.METRIC).isEmpty());
            assertThat(prometheus.query(LiveNativeLatencyService.METRIC).get(0).has("histogram"))
                    .as("sample of a native histogram").isTrue();
            prometheus.await("every rule evaluated", Duration.ofSeconds(30), p -> p.rules().stream()
                    .noneMatch(rule -> rule.path("lastEvaluation").asText().startsWith("0001")));
            for (JsonNode rule : prometheus.rules()) {
                assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok");
                assertThat(rule.path("lastError").asText("")).as(rule.toString()).isEmpty();
            }

            // Once the 10s window is covered: about 100 requests a second, one in 50 slow.
            double rps = LiveNativeLatencyService.REQUESTS_PER_SECOND;
            prometheus.await("SLI total rate of about " + rps + "/s", Duration.ofSeconds(30), p ->
                    Math.abs(p.value("slo:sli_total:rate10s{slo=\"latency\"}") - rps) < 0.2 * rps);
            // ~1000 requests in the window, so the slow share is 1/50 within one request either way
            assertThat(prometheus.value(RATIO_10S)).isCloseTo(1.0 / HEALTHY_SLOW_EVERY, within(0.003));
            assertThat(prometheus.query("ALERTS")).isEmpty();

            // Every request now takes 500ms: a 10s window holding only them has an error ratio of exactly 1.
            service.slowEvery(1);
            prometheus.await("the latency page alert firing", Duration.ofSeconds(40), p -> !p.query(
                    "ALERTS{alertstate=\"firing\",slo=\"latency\",severity=\"page\"}").isEmpty());
            prometheus.await("a 10s error ratio of 1", Duration.ofSeconds(30), p -> p.value(RATIO_10S) == 1.0);
        }
    }
}
