package io.sloc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sloc.compiler.CompileOptions;
import io.sloc.dsl.SloSpecParser;
import io.sloc.fixtures.AlertmanagerServer;
import io.sloc.fixtures.LiveHatago;
import io.sloc.fixtures.PrometheusServer;
import io.sloc.fixtures.Scenario;
import io.sloc.fixtures.WebhookReceiver;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the whole generated stack: sloc compiles a spec (windows of seconds, so that alerts fire
 * within a test) into rules, prometheus.yml and alertmanager.yml; the real Prometheus 2.42 runs that config,
 * scraping the simpleclient fixture and sending alerts to the real Alertmanager 0.25, which notifies a webhook
 * receiver inside the test. An injected outage pages the critical receiver, the SLO's ticket is inhibited, and
 * recovery sends the resolved notification.
 */
@Tag("e2e")
class AlertDeliveryE2eTest {
    /**
     * Page: 2% of a 1h budget in 1m, threshold 1.2 x 1%; ticket: 10% in 2m, threshold 3 x 1%, so a total outage
     * pages first and the ticket follows while the page fires. (Once the page resolves, a ticket still burning may
     * be notified: that is the inhibition working as meant, so only the time the page fires is checked.)
     */
    private static final String SPEC = """
            service hatago {
              runbook_base_url "https://runbooks.example/hatago"
              slo availability {
                objective 99%
                window 1h
                sli ratio {
                  errors `hatago_requests_total{code=~"5.."}`
                  total  `hatago_requests_total`
                }
                alerting {
                  window { budget 2% long 1m short 10s severity critical }
                  window { budget 10% long 2m short 10s severity warning }
                }
                runbook availability-slo-breach
              }
            }
            runbook availability-slo-breach { step "Check instance health" }
            prometheus {
              scrape_interval 1s
              evaluation_interval 1s
              retention 1d
              alertmanagers ("127.0.0.1:ALERTMANAGER_PORT")
              scrape hatago { targets ("127.0.0.1:HATAGO_PORT") }
            }
            alertmanager {
              route {
                receiver tickets
                group_by (alertname, service, slo)
                group_wait 1s
                group_interval 1s
                repeat_interval 1h
                route { match { severity: "critical" } receiver pages }
              }
              receiver pages { webhook { url: "PAGES_URL" } }
              receiver tickets { webhook { url: "TICKETS_URL" } }
              inhibit { source { severity: "critical" } target { severity: "warning" } equal (service, slo) }
            }
            """;

    @Test
    @Timeout(180)
    void anOutagePagesTheCriticalReceiverInhibitsTheTicketAndRecoveryResolves(@TempDir Path dir) throws Exception {
        long prometheusPid;
        long alertmanagerPid;
        try (WebhookReceiver webhook = new WebhookReceiver();
             LiveHatago hatago = new LiveHatago(Scenario.DEFAULT_RPS)) {
            int alertmanagerPort = AlertmanagerServer.freePort();
            String spec = SPEC.replace("ALERTMANAGER_PORT", String.valueOf(alertmanagerPort))
                    .replace("HATAGO_PORT", String.valueOf(hatago.port()))
                    .replace("PAGES_URL", webhook.url("/pages")).replace("TICKETS_URL", webhook.url("/tickets"));
            CompileSpecs.Result compiled = CompileSpecs.inMemory(List.of(SloSpecParser.parse(spec, "e2e.slo")),
                    CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
            for (Map.Entry<String, byte[]> file : compiled.output().files().entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            try (AlertmanagerServer alertmanager = AlertmanagerServer.start(dir,
                    dir.resolve("alertmanager/alertmanager.yml"), alertmanagerPort);
                 PrometheusServer prometheus = PrometheusServer.startWithConfig(dir,
                         dir.resolve("prometheus/prometheus.yml"))) {
                alertmanagerPid = alertmanager.pid();
                prometheusPid = prometheus.pid();
                prometheus.await("the SLI over the 10s window", Duration.ofSeconds(40), p ->
                        p.value("slo:sli_total:rate10s{slo=\"availability\"}") > 0.8 * Scenario.DEFAULT_RPS);
                prometheus.await("Prometheus discovering the Alertmanager", Duration.ofSeconds(20), p -> p
                        .api("/api/v1/alertmanagers").path("activeAlertmanagers").size() == 1);
                assertThat(webhook.received()).isEmpty();

                hatago.failEverything();
                await(prometheus, "the page at the pages receiver", webhook, n -> n.path().equals("/pages")
                        && n.payload().path("status").asText().equals("firing"));
                JsonNode page = firstMatching(webhook, n -> n.path().equals("/pages")).payload();
                assertThat(page.path("receiver").asText()).isEqualTo("pages");
                JsonNode alert = page.path("alerts").get(0);
                assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("HatagoAvailabilityErrorBudgetBurn");
                assertThat(alert.path("labels").path("service").asText()).isEqualTo("hatago");
                assertThat(alert.path("labels").path("slo").asText()).isEqualTo("availability");
                assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
                assertThat(alert.path("annotations").path("runbook_url").asText())
                        .isEqualTo("https://runbooks.example/hatago/availability-slo-breach.md");
                assertThat(alert.path("annotations").path("summary").asText())
                        .isEqualTo("hatago availability is burning its error budget 1.2x too fast");

                // The ticket fires in Prometheus too, and reaches Alertmanager, which mutes it for the page.
                prometheus.await("the ticket firing", Duration.ofSeconds(30), p -> !p.query(
                        "ALERTS{alertstate=\"firing\",slo=\"availability\",severity=\"warning\"}").isEmpty());
                alertmanager.await("the ticket inhibited by the page", Duration.ofSeconds(30), a -> {
                    for (JsonNode held : a.alerts()) {
                        if (held.path("labels").path("severity").asText().equals("warning")) {
                            return held.path("status").path("state").asText().equals("suppressed")
                                    && !held.path("status").path("inhibitedBy").isEmpty();
                        }
                    }
                    return false;
                });
                assertThat(webhook.received()).as("no ticket while the page fires")
                        .noneMatch(n -> n.path().equals("/tickets"));

                hatago.recover();
                await(prometheus, "the resolved notification at the pages receiver", webhook, n ->
                        n.path().equals("/pages") && n.payload().path("status").asText().equals("resolved"));
                JsonNode resolved = firstMatching(webhook, n -> n.payload().path("status").asText()
                        .equals("resolved")).payload();
                assertThat(resolved.path("alerts").get(0).path("labels").path("slo").asText()).isEqualTo("availability");
            }
        }
        assertThat(ProcessHandle.of(prometheusPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(alertmanagerPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static void await(PrometheusServer prometheus, String what, WebhookReceiver webhook,
                              Predicate<WebhookReceiver.Notification> notification) {
        prometheus.await(what, Duration.ofSeconds(60), p -> webhook.received().stream().anyMatch(notification));
    }

    private static WebhookReceiver.Notification firstMatching(WebhookReceiver webhook,
                                                              Predicate<WebhookReceiver.Notification> notification) {
        return webhook.received().stream().filter(notification).findFirst().orElseThrow();
    }
}
