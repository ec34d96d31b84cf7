package io.sloc.emit.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sloc.compiler.CompileOptions;
import io.sloc.dsl.SloSpecParser;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class StackEmittersTest {
    private static final String SERVICE = """
            service shop {
              slo orders { objective 99.9% sli ratio { errors `orders_failed_total` total `orders_total` } }
            }
            """;

    private static SortedMap<String, byte[]> compile(String text) {
        return CompileSpecs.inMemory(List.of(SloSpecParser.parse(text, "shop.slo")), CompileOptions.DEFAULTS,
                PrometheusTarget.DEFAULT).output().files();
    }

    private static JsonNode yaml(SortedMap<String, byte[]> files, String path) throws Exception {
        return new YAMLMapper().readTree(new String(files.get(path), StandardCharsets.UTF_8));
    }

    @Test
    void specsWithoutAStackWriteNoStackFiles() {
        assertThat(compile(SERVICE).keySet()).noneMatch(path -> path.startsWith("prometheus/")
                || path.startsWith("alertmanager/") || path.equals(ComposeEmitter.PATH));
    }

    @Test
    void prometheusAloneRunsWithGrafanaAndPrometheusDefaults() throws Exception {
        SortedMap<String, byte[]> files = compile(SERVICE + "prometheus { scrape shop { targets (\"shop:8080\") } }");
        JsonNode config = yaml(files, PrometheusConfigEmitter.PATH);
        assertThat(config.path("global").path("scrape_interval").asText()).isEqualTo("1m");
        assertThat(config.has("alerting")).isFalse();
        assertThat(config.path("scrape_configs").get(0).path("metrics_path").asText()).isEqualTo("/metrics");
        JsonNode compose = yaml(files, ComposeEmitter.PATH);
        assertThat(compose.path("services").fieldNames()).toIterable().containsExactly("prometheus", "grafana");
        assertThat(compose.path("services").path("prometheus").path("command").toString())
                .as("Prometheus's default, written out").contains("--storage.tsdb.retention.time=15d");
        assertThat(files).doesNotContainKey(AlertmanagerConfigEmitter.PATH);
    }

    @Test
    void discordGoesThroughItsSlackEndpointAndSecretFilesBecomeComposeSecrets() throws Exception {
        SortedMap<String, byte[]> files = compile(SERVICE + """
                prometheus { alertmanagers ("alertmanager:9093") }
                alertmanager {
                  route { receiver chat }
                  receiver chat {
                    discord { webhook_url_file: "/run/secrets/discord-url" send_resolved: "false" }
                    webhook { url: "http://hook:8080/" max_alerts: "5" }
                  }
                }
                """);
        JsonNode receiver = yaml(files, AlertmanagerConfigEmitter.PATH).path("receivers").get(0);
        JsonNode slack = receiver.path("slack_configs").get(0);
        assertThat(slack.path("api_url_file").asText()).isEqualTo("/run/secrets/discord-url");
        assertThat(slack.path("send_resolved").isBoolean()).isTrue();
        assertThat(slack.path("title").asText()).isEqualTo("{{ template \"sloc.title\" . }}");
        assertThat(receiver.path("webhook_configs").get(0).path("max_alerts").isIntegralNumber()).isTrue();
        assertThat(files).containsKey("alertmanager/" + NotificationTemplate.PATH);
        JsonNode compose = yaml(files, ComposeEmitter.PATH);
        assertThat(compose.path("services").path("alertmanager").path("secrets").toString())
                .isEqualTo("[\"discord-url\"]");
        assertThat(compose.path("secrets").path("discord-url").path("file").asText())
                .isEqualTo("./secrets/discord-url");
    }

    @Test
    void matcherValuesAreEscapedForAlertmanager() throws Exception {
        SortedMap<String, byte[]> files = compile(SERVICE + """
                alertmanager {
                  route { receiver a route { match { team: "a \\"b\\" \\\\c" } receiver a } }
                  receiver a { webhook { url: "http://hook:8080/" } }
                }
                """);
        JsonNode route = yaml(files, AlertmanagerConfigEmitter.PATH).path("route").path("routes").get(0);
        assertThat(route.path("matchers").get(0).asText()).isEqualTo("team=\"a \\\"b\\\" \\\\c\"");
    }
}
