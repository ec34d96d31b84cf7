package io.sloc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.cli.ExitCodes;
import io.sloc.compiler.CompileOptions;
import io.sloc.dsl.SloSpecParser;
import io.sloc.fixtures.LiveHatago;
import io.sloc.fixtures.PrometheusServer;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest on real history: the simpleclient fixture scraped by a real Prometheus running sloc's rules, an outage
 * injected until the page fires there, the input series exported through the HTTP API (query_range, as curl would
 * save it) and replayed by {@code sloc report --history}: the report's page starts when Prometheus's alert became
 * active, within one step of the export. The history and the report stay in target/ (backtest-history.json,
 * backtest-report).
 */
@Tag("e2e")
class BacktestE2eTest {
    private static final long STEP_SECONDS = 1;
    private static final Pattern PAGE = Pattern.compile("<table class=\"notifications\" data-policy=\"current\" "
            + "data-slo=\"hatago/availability\">.*?<tr class=\"page\" data-start=\"(\\d+)\"", Pattern.DOTALL);

    @Test
    @Timeout(180)
    void theReplayedPageFiresWhenPrometheusFiredIt(@TempDir Path dir) throws Exception {
        CompileSpecs.Result compiled = CompileSpecs.inMemory(List.of(SloSpecParser.parse(RealPrometheusE2eTest.SPEC,
                "e2e.slo")), CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
        List<Path> ruleFiles = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : compiled.output().files().subMap("rules/", "rules0").entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            ruleFiles.add(Files.write(path, file.getValue()));
        }
        Path spec = Files.writeString(dir.resolve("e2e.slo"), RealPrometheusE2eTest.SPEC);
        Path out = Shared.projectDir().resolve("target/backtest-report");
        Path history = Shared.projectDir().resolve("target/backtest-history.json");
        Instant activeAt;
        try (LiveHatago hatago = new LiveHatago(io.sloc.fixtures.Scenario.DEFAULT_RPS);
             PrometheusServer prometheus = PrometheusServer.start(dir, ruleFiles, hatago.port())) {
            Instant start = Instant.now();
            prometheus.await("a healthy 10s error ratio", Duration.ofSeconds(40), p ->
                    p.value("slo:sli_error:ratio_rate10s{slo=\"availability\"}") == 0);
            Thread.sleep(5_000); // some healthy history before the incident
            hatago.failEverything();
            prometheus.await("the availability page firing", Duration.ofSeconds(60), p -> !p.query(
                    "ALERTS{alertstate=\"firing\",slo=\"availability\",severity=\"page\"}").isEmpty());
            activeAt = Instant.parse(pageAlert(prometheus).path("activeAt").asText());
            Thread.sleep(3_000);
            JsonNode data = prometheus.api("/api/v1/query_range?query=" + URLEncoder.encode(
                    "{__name__=~\"hatago_.*\"}", StandardCharsets.UTF_8) + "&start=" + start.getEpochSecond()
                    + "&end=" + Instant.now().getEpochSecond() + "&step=" + STEP_SECONDS);
            Files.writeString(history, new ObjectMapper().writeValueAsString(Map.of("status", "success",
                    "data", data)));
        }
        SlocCli sloc = new SlocCli();
        assertThat(sloc.run("report", spec.toString(), "-o", out.toString(), "--history", history.toString()))
                .as(sloc.err()).isEqualTo(ExitCodes.OK);
        Matcher page = PAGE.matcher(Files.readString(out.resolve("index.html")));
        assertThat(page.find()).as("a page in the report").isTrue();
        long replayed = Long.parseLong(page.group(1));
        assertThat(Math.abs(replayed - activeAt.toEpochMilli())).as("replayed page at %s, Prometheus's at %s",
                Instant.ofEpochMilli(replayed), activeAt).isLessThanOrEqualTo(STEP_SECONDS * 1000);
    }

    private static JsonNode pageAlert(PrometheusServer prometheus) {
        for (JsonNode alert : prometheus.api("/api/v1/alerts").path("alerts")) {
            JsonNode labels = alert.path("labels");
            if (labels.path("slo").asText().equals("availability") && labels.path("severity").asText().equals("page")
                    && alert.path("state").asText().equals("firing")) {
                return alert;
            }
        }
        throw new AssertionError("no firing availability page in /api/v1/alerts");
    }
}
