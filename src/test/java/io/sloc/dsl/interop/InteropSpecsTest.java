package io.sloc.dsl.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.dsl.ast.WindowNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers build the AST a .slo file would give, located in the YAML. */
class InteropSpecsTest {
    private static final String SLOTH = """
            version: "prometheus/v1"
            service: "shop"
            labels:
              team: "web"
            slos:
              - name: "checkout"
                objective: 99.5
                description: "Checkouts succeed."
                sli:
                  events:
                    error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                    total_query: |
                      sum(
                        rate(http_requests_total[{{.window}}])
                      )
                alerting:
                  name: ShopCheckoutErrors
                  labels:
                    category: availability
                  annotations:
                    summary: "Checkouts fail"
                  page_alert:
                    labels:
                      severity: critical
                      routing_key: web
                  ticket_alert:
                    disable: true
            """;

    private static SloNode onlySlo(SpecFile file) {
        assertThat(file.services()).hasSize(1);
        assertThat(file.services().get(0).slos()).hasSize(1);
        return file.services().get(0).slos().get(0);
    }

    private static List<String> window(WindowNode w) {
        return java.util.stream.Stream.of(w.budget(), w.factor(), w.longWindow(), w.shortWindow(), w.severity(),
                w.forDuration()).map(v -> v == null ? "-" : v.value()).toList();
    }

    private static List<String> names(List<Pair> pairs) {
        return pairs.stream().map(p -> p.name().value() + "=" + p.value()).toList();
    }

    @Test
    void slothAlertingBecomesAnInlinePolicyOfGooglesWindows() {
        SpecFile file = InteropSpecs.parse(SLOTH, "shop.yml");
        SloNode slo = onlySlo(file);
        assertThat(names(file.services().get(0).labels())).containsExactly("team=web");
        assertThat(slo.objective().value()).isEqualTo("99.5%");
        assertThat(slo.objective().location()).hasToString("shop.yml:7:16");
        assertThat(slo.window().value()).isEqualTo("30d");
        PolicyNode policy = slo.alertingPolicy();
        assertThat(policy.alertName().value()).isEqualTo("ShopCheckoutErrors");
        assertThat(names(policy.labels())).containsExactly("category=availability");
        assertThat(names(policy.annotations())).containsExactly("summary=Checkouts fail");
        // The ticket alert is disabled; the page alert's severity label is the windows' severity.
        assertThat(policy.windows()).extracting(InteropSpecsTest::window).containsExactly(
                List.of("2%", "-", "1h", "5m", "critical", "-"), List.of("5%", "-", "6h", "30m", "critical", "-"));
        assertThat(names(policy.windows().get(0).labels())).containsExactly("routing_key=web");
        assertThat(policy.windows().get(0).severity().location()).hasToString("shop.yml:24:21");
    }

    @Test
    void slothQueriesTakeSlocsWindowPlaceholderAndKeepTheirPositions() {
        SliNode.Ratio sli = (SliNode.Ratio) onlySlo(InteropSpecs.parse(SLOTH, "shop.yml")).sli();
        assertThat(sli.errors().text()).isEqualTo("sum(rate(http_requests_total{code=~\"5..\"}[$window]))");
        assertThat(sli.errors().start()).hasToString("shop.yml:11:22");
        // A block scalar's later lines keep their indentation, so columns are the file's.
        assertThat(sli.total().start()).hasToString("shop.yml:13:11");
        assertThat(sli.total().text().lines().toList()).containsExactly("sum(",
                "            rate(http_requests_total[$window])", "          )");
    }

    @Test
    void slothRawErrorRatioBecomesAGaugeOfTheGoodRatioOverTheBaseWindow() {
        SpecFile file = InteropSpecs.parse(SLOTH.replace("""
                      events:
                        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                        total_query: |
                          sum(
                            rate(http_requests_total[{{.window}}])
                          )
                """, """
                      raw:
                        error_ratio_query: |
                          1 - avg(avg_over_time(probe_success[{{.window}}]))
                """), "shop.yml");
        SliNode.Availability gauge = (SliNode.Availability) onlySlo(file).sli();
        assertThat(gauge.gauge().text()).isEqualTo("1 - (\n  1 - avg(avg_over_time(probe_success[5m]))\n)");
        assertThat(gauge.location()).hasToString("shop.yml:11:9");
        assertThat(file.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.location()).hasToString("shop.yml:11:9");
            assertThat(warning.value()).contains("time-weighted", "not traffic-weighted");
        });
    }

    @Test
    void slothWithBothAlertsDisabledRaisesNone() {
        SloNode slo = onlySlo(InteropSpecs.parse(SLOTH.replace("""
                      page_alert:
                        labels:
                          severity: critical
                          routing_key: web
                """, """
                      page_alert:
                        disable: true
                """), "shop.yml"));
        assertThat(slo.alertingPolicy()).isNull();
        assertThat(slo.alertingPolicyName().value()).isEqualTo("none");
    }

    @Test
    void slothsKubernetesObjectReadsLikeItsPlainFile() {
        String kubernetes = """
                apiVersion: sloth.slok.dev/v1
                kind: PrometheusServiceLevel
                metadata:
                  name: shop
                spec:
                  service: "shop"
                  slos:
                    - name: "checkout"
                      objective: 99.5
                      sli:
                        events:
                          errorQuery: sum(rate(errors_total[{{.window}}]))
                          totalQuery: sum(rate(requests_total[{{.window}}]))
                      alerting:
                        pageAlert:
                          disable: true
                        ticketAlert:
                          labels:
                            tier: "2"
                """;
        SloNode slo = onlySlo(InteropSpecs.parse(kubernetes, "k8s.yml"));
        assertThat(((SliNode.Ratio) slo.sli()).errors().text()).isEqualTo("sum(rate(errors_total[$window]))");
        assertThat(slo.alertingPolicy().windows()).extracting(InteropSpecsTest::window).containsExactly(
                List.of("10%", "-", "1d", "2h", "ticket", "-"), List.of("10%", "-", "3d", "6h", "ticket", "-"));
        assertThat(names(slo.alertingPolicy().windows().get(1).labels())).containsExactly("tier=2");
    }

    @Test
    void fieldsSlocDoesNotReadAreLocatedErrorsNamingThem() {
        assertError(SLOTH.replace("    description:", "    info_labels: {a: b}\n    description:"),
                "shop.yml:8:5", "slos[0].info_labels: unknown field; sloc reads alerting, description, labels, name, "
                        + "objective, sli here");
        assertError(SLOTH.replace("events:", "plugin:\n        id: x\n      events:"), "shop.yml:11:9",
                "slos[0].sli.plugin: not supported: Sloth SLI plugins");
        assertError(SLOTH.replace("service: \"shop\"", "service: \"../shop\""), "shop.yml:2:10",
                "service: '../shop' is not a valid sloc name");
        assertError(SLOTH.replace("objective: 99.5", "objective: 9.95e1"), "shop.yml:7:16",
                "slos[0].objective: '9.95e1' is not a plain decimal number");
        assertError("version: prometheus/v1\nservice: [a\n", "bad.yml:3:1", "YAML syntax error");
    }

    @Test
    void pyrraWindowsAreItsFourScaledToTheSloWindow() {
        SpecFile file = InteropSpecs.parse("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: api-errors
                spec:
                  target: "99.5"
                  window: 2w
                  indicator:
                    ratio:
                      errors:
                        metric: http_requests_total{code=~"5.."}
                      total:
                        metric: http_requests_total
                      grouping: [route]
                """, "pyrra.yaml");
        assertThat(file.services().get(0).name().value()).isEqualTo("api-errors");
        SloNode slo = onlySlo(file);
        assertThat(slo.name().value()).isEqualTo("api-errors");
        assertThat(slo.groupBy()).extracting(Located::value).containsExactly("route");
        assertThat(((SliNode.Ratio) slo.sli()).errors().text()).isEqualTo("http_requests_total{code=~\"5..\"}");
        assertThat(slo.alertingPolicy().alertName().value()).isEqualTo("ErrorBudgetBurn");
        // 28d's 1h/5m (for 2m), 6h/30m (15m), 1d/2h (1h), 4d/6h (3h), halved and rounded to the minute.
        assertThat(slo.alertingPolicy().windows()).extracting(InteropSpecsTest::window).containsExactly(
                List.of("-", "14", "30m", "3m", "critical", "1m"), List.of("-", "7", "3h", "15m", "critical", "8m"),
                List.of("-", "2", "12h", "1h", "warning", "30m"), List.of("-", "1", "2d", "3h", "warning", "90m"));
    }

    @Test
    void pyrraLatencyCountsTheSuccessBucketAsGoodAndBoolGaugesAreAvailability() {
        String latency = """
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: fast}
                spec:
                  target: "90"
                  window: 4w
                  alerting: {disabled: true}
                  indicator:
                    latency:
                      success: {metric: 'h_bucket{le="0.1"}'}
                      total: {metric: h_count}
                ---
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: up}
                spec:
                  target: "99"
                  window: 4w
                  indicator:
                    bool_gauge: {metric: probe_success, grouping: [target]}
                """;
        SpecFile file = InteropSpecs.parse(latency, "pyrra.yaml");
        SloNode fast = file.services().get(0).slos().get(0);
        assertThat(((SliNode.Ratio) fast.sli()).good().text()).isEqualTo("h_bucket{le=\"0.1\"}");
        assertThat(((SliNode.Ratio) fast.sli()).total().text()).isEqualTo("h_count");
        assertThat(fast.alertingPolicyName().value()).isEqualTo("none");
        SloNode up = file.services().get(1).slos().get(0);
        assertThat(((SliNode.Availability) up.sli()).gauge().text()).isEqualTo("probe_success");
        assertThat(up.groupBy()).extracting(Located::value).containsExactly("target");
    }

    @Test
    void openSloObjectsReferToEachOtherByName() throws Exception {
        String text = new String(getClass().getResourceAsStream("/interop/openslo-v1-shop.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        SpecFile file = InteropSpecs.parse(text, "shop.yaml");
        assertThat(file.services()).singleElement().satisfies(s -> assertThat(s.name().value()).isEqualTo("shop"));
        List<SloNode> slos = file.services().get(0).slos();
        SloNode checkout = slos.get(0);
        assertThat(checkout.objective().value()).isEqualTo("99.5%");
        assertThat(checkout.window().value()).isEqualTo("28d");
        SliNode.Ratio ratio = (SliNode.Ratio) checkout.sli();
        assertThat(ratio.errors().text()).isEqualTo("http_requests_total{handler=\"/checkout\",code=~\"5..\"}");
        assertThat(checkout.alertingPolicy().windows()).extracting(InteropSpecsTest::window)
                .containsExactly(List.of("-", "14.4", "1h", "5m", "page", "2m"));
        SloNode search = slos.get(1);
        assertThat(search.objective().value()).isEqualTo("99%");
        assertThat(((SliNode.Availability) search.sli()).gauge().text())
                .isEqualTo("(search_latency_p99_seconds{job=\"search\"}) < bool 0.5");
        assertThat(search.alertingPolicyName().value()).isEqualTo("none");
    }

    @Test
    void openSloWhatSlocCannotCountIsALocatedError() throws Exception {
        String text = new String(getClass().getResourceAsStream("/interop/openslo-v1-shop.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertError(text.replace("      isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n    - target",
                "      calendar: {startTime: 2022-01-01 00:00:00, timeZone: UTC}\n  budgetingMethod: Occurrences\n"
                        + "  objectives:\n    - target"), "shop.yaml:69:17",
                "spec.timeWindow[0].calendar: not supported: calendar-aligned windows");
        assertError(text.replace("duration: 28d", "duration: 1M"), "shop.yaml:68:17",
                "spec.timeWindow[0].duration: not supported: duration '1M'");
        assertError(text.replace("indicatorRef: checkout-errors", "indicatorRef: checkout"), "shop.yaml:66:17",
                "spec.indicatorRef: no SLI named 'checkout' in this file");
        assertError(text.replace("kind: burnrate", "kind: threshold"), "shop.yaml:36:11",
                "spec.condition.kind: not supported: condition kind 'threshold'");
    }

    private static void assertError(String text, String location, String message) {
        String source = location.substring(0, location.indexOf(':'));
        assertThatThrownBy(() -> InteropSpecs.parse(text, source)).isInstanceOfSatisfying(BadInputException.class,
                e -> {
                    assertThat(e.location()).hasToString(location);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }
}
