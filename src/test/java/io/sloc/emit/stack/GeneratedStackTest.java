package io.sloc.emit.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed Hatago stack (generated/, equal to a fresh compile: see the drift tests) as the real tools read
 * it: promtool 2.42 checks the Prometheus config and the rule files it loads, amtool 0.25 the Alertmanager config
 * and its templates, amtool's route tester sends every alert of the rule files to the receiver the spec intends,
 * and the compose file validates against the Compose specification's schema.
 */
class GeneratedStackTest {
    private static final Path GENERATED = Shared.projectDir().resolve("generated");
    private static final Path ALERTMANAGER_YML = GENERATED.resolve("alertmanager/alertmanager.yml");

    @Test
    void promtoolAcceptsThePrometheusConfigAndTheRulesItLoads() {
        PrometheusTools.Result check = PrometheusTools.run(GENERATED, 120, List.of(
                PrometheusTools.promtool().toString(), "check", "config", "prometheus/prometheus.yml"));
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout()).contains("1 rule files found").contains("rules/hatago.rules.yml");
    }

    @Test
    void amtoolAcceptsTheAlertmanagerConfigAndItsTemplates() {
        PrometheusTools.Result check = PrometheusTools.run(GENERATED, 60, List.of(
                PrometheusTools.amtool().toString(), "check-config", ALERTMANAGER_YML.toString()));
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout()).contains("2 inhibit rules").contains("2 receivers").contains("1 templates");
    }

    /** amtool renders the notification texts over its example alerts: the templates parse and execute. */
    @Test
    void amtoolRendersTheNotificationTemplates() {
        PrometheusTools.Result rendered = PrometheusTools.run(GENERATED, 60, List.of(
                PrometheusTools.amtool().toString(), "template", "render",
                "--template.glob=alertmanager/templates/*.tmpl",
                "--template.text={{ template \"sloc.title\" . }}\n{{ template \"sloc.text\" . }}"));
        assertThat(rendered.exitCode()).as(rendered.stdout() + rendered.stderr()).isZero();
        assertThat(rendered.stdout().lines().filter(line -> line.startsWith("Labels: ")).count())
                .as(rendered.stdout()).isEqualTo(2);
    }

    /** Critical alerts (pages, instance down) reach the on-call receiver, the rest the team's, for every SLO. */
    @Test
    void everyAlertOfTheRuleFilesReachesTheReceiverOfItsSeverity() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(GENERATED.resolve("rules/hatago.rules.yml").toFile());
        List<String> checked = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.has("alert")) {
                    continue;
                }
                List<String> command = new ArrayList<>(List.of(PrometheusTools.amtool().toString(), "config",
                        "routes", "test", "--config.file=" + ALERTMANAGER_YML, "alertname=" + rule.path("alert").asText()));
                rule.path("labels").fields().forEachRemaining(l -> command.add(l.getKey() + "=" + l.getValue().asText()));
                String severity = rule.path("labels").path("severity").asText();
                String expected = severity.equals("critical") ? "hatago-oncall" : "hatago-team";
                command.add("--verify.receivers=" + expected);
                PrometheusTools.Result routed = PrometheusTools.run(GENERATED, 60, command);
                assertThat(routed.exitCode()).as(command + "\n" + routed.stdout() + routed.stderr()).isZero();
                assertThat(routed.stdout().strip()).isEqualTo(expected);
                checked.add(rule.path("labels").path("slo").asText() + "/" + severity);
            }
        }
        assertThat(checked).contains("availability/critical", "availability/warning", "latency-p95/critical",
                "latency-p95/warning", "latency-p99/critical", "error-rate/warning", "instance-uptime/critical");
    }

    @Test
    void theComposeFileValidatesAgainstTheComposeSpecification() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(Shared.require("compose-schema/compose-spec.json").toFile());
        spec.remove("$id"); // a bare file name, which the validator does not take as an identifier
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(spec);
        JsonNode compose = new YAMLMapper().readTree(GENERATED.resolve("docker-compose.monitoring.yml").toFile());
        assertThat(schema.validate(compose)).isEmpty();
        assertThat(compose.path("services").path("prometheus").path("command").toString())
                .contains("--storage.tsdb.retention.time=30d");
        for (JsonNode service : compose.path("services")) {
            for (JsonNode volume : service.path("volumes")) {
                String mount = volume.asText();
                assertThat(mount.startsWith("./") ? mount.endsWith(":ro") : !mount.startsWith("/"))
                        .as("generated files read-only, data in named volumes: " + mount).isTrue();
                if (mount.startsWith("./")) {
                    assertThat(Files.exists(GENERATED.resolve(mount.substring(2, mount.indexOf(':')))))
                            .as(mount).isTrue();
                }
            }
        }
    }
}
