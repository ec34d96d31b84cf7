package io.sloc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sloc.compiler.CompileOptions;
import io.sloc.dsl.SloSpecParser;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.fixtures.LiveHatago;
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
 * End to end: rules compiled by sloc from a small spec with windows of seconds (the real 1h/30d windows cannot fire
 * within a test), loaded by the real Prometheus 2.42, which scrapes the simpleclient fixture every second over
 * loopback. Checks over the HTTP API that every group evaluates cleanly, that the SLI series carry the values the
 * traffic implies, and that an injected outage makes the page alert fire (and nothing else).
 */
@Tag("e2e")
class RealPrometheusE2eTest {
    /** 2% of a 1h budget in 1m: factor 0.02 x 60 = 1.2, threshold 1.2 x 1% = 0.012. The ticket needs 2m of data. */
    static final String SPEC = """
            service hatago {
              slo availability {
                objective 99%
                window 1h
                sli ratio {
                  errors `hatago_requests_total{code=~"5.."}`
                  total  `hatago_requests_total`
                }
                alerting {
                  window { budget 2% long 1m short 10s severity page }
                  window { budget 10% long 10m short 2m severity ticket }
                }
              }
              slo latency {
                objective 95%
                window 1h
                sli latency {
                  histogram   `hatago_request_duration_seconds`
                  faster_than 5ms
                }
                alerting {
                  window { budget 2% long 1m short 10s severity page }
                }
              }
            }
            """;
    private static final double RPS = io.sloc.fixtures.Scenario.DEFAULT_RPS;

    @Test
    @Timeout(120)
    void compiledRulesLoadEvaluateAndFireInARealPrometheus(@TempDir Path dir) throws Exception {
        CompileSpecs.Result compiled = CompileSpecs.inMemory(List.of(SloSpecParser.parse(SPEC, "e2e.slo")),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
        List<Path> ruleFiles = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : compiled.output().files().subMap("rules/", "rules0").entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            ruleFiles.add(Files.write(path, file.getValue()));
        }
        long pid;
        try (LiveHatago hatago = new LiveHatago(RPS);
             PrometheusServer prometheus = PrometheusServer.start(dir, ruleFiles, hatago.port())) {
            pid = prometheus.pid();
            prometheus.await("every rule evaluated", Duration.ofSeconds(30), p -> p.rules().stream()
                    .noneMatch(rule -> rule.path("lastEvaluation").asText().startsWith("0001")));
            List<String> loaded = new ArrayList<>();
            prometheus.api("/api/v1/rules").path("groups").forEach(g -> loaded.add(g.path("name").asText()));
            List<String> compiledGroups = compiled.spec().services().stream()
                    .flatMap(service -> RuleGenerator.generate(RuleNames.SLOC, service).groups().stream()).map(GeneratedRuleGroup::name).toList();
            // per SLO: its alerting group and its period group (evaluated once per base window)
            assertThat(loaded).containsExactlyInAnyOrderElementsOf(compiledGroups).hasSize(4);
            for (JsonNode rule : prometheus.rules()) {
                assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok");
                assertThat(rule.path("lastError").asText("")).as(rule.toString()).isEmpty();
            }
            assertThat(prometheus.rules()).hasSizeGreaterThan(20);

            // Healthy traffic: once the 10s window is covered, the SLI sees the fixture's 100 requests a second
            // (the first rates, over a partly covered window, are lower) and not a single bad one.
            prometheus.await("SLI total rates of about " + RPS + "/s", Duration.ofSeconds(30), p ->
                    Math.abs(p.value("slo:sli_total:rate10s{slo=\"availability\"}") - RPS) < 0.2 * RPS
                    && Math.abs(p.value("slo:sli_total:rate10s{slo=\"latency\"}") - RPS) < 0.2 * RPS);
            assertThat(prometheus.value("slo:sli_error:ratio_rate10s{slo=\"availability\"}")).isZero();
            assertThat(prometheus.value("slo:sli_error:ratio_rate10s{slo=\"latency\"}")).isZero();
            assertThat(prometheus.value("slo:objective:ratio{slo=\"availability\"}")).isEqualTo(0.99);
            assertThat(prometheus.value("slo:error_budget:ratio{slo=\"latency\"}")).isEqualTo(0.05);
            assertThat(prometheus.query("ALERTS")).isEmpty();

            // Every request now fails (fast): the availability page fires, latency stays quiet.
            hatago.failEverything();
            prometheus.await("the availability page alert firing", Duration.ofSeconds(40), p -> !p.query(
                    "ALERTS{alertstate=\"firing\",slo=\"availability\",severity=\"page\"}").isEmpty());
            assertThat(prometheus.value("slo:sli_error:ratio_rate1m{slo=\"availability\"}")).isGreaterThan(0.012);
            prometheus.await("a 10s error ratio of about 1", Duration.ofSeconds(30), p ->
                    p.value("slo:sli_error:ratio_rate10s{slo=\"availability\"}") > 0.9);
            assertThat(prometheus.query("ALERTS{slo=\"latency\"}")).isEmpty();
            JsonNode alert = prometheus.query("ALERTS{alertstate=\"firing\",slo=\"availability\"}").get(0).path("metric");
            assertThat(alert.path("service").asText()).isEqualTo("hatago");
            assertThat(alert.path("alertname").asText()).isNotEmpty();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("prometheus stopped").isFalse();
    }
}
