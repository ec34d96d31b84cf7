package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.dsl.SloSpecParser;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.promql.PromqlProfile;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLintsTest {
    private static final String SERVICE = """
            service shop {
              slo orders {
                objective 99.9%
                window 28d
                sli ratio { errors `orders_failed_total` total `orders_total` }
                alerting {
                  window { budget 2% long 1h short 5m severity critical }
                  window { budget 10% long 1d short 2h severity warning }
                }
              }
              alert ShopDown { expr `up{job="shop"} == 0` severity info slo orders }
            }
            """;
    private static final String ROUTING = """
            alertmanager {
              route {
                receiver team
                route { match { severity: "critical" } receiver oncall }
                route { match { severity: "warning" } receiver team }
              }
              receiver oncall { webhook { url: "http://hook:8080/oncall" } }
              receiver team { webhook { url: "http://hook:8080/team" } }
              receiver audit { webhook { url: "http://hook:8080/audit" } }
            }
            """;

    @TempDir
    Path dir;

    private List<Diagnostic> lint(Lint lint, String text) throws Exception {
        CompileSpecs.Result result = CompileSpecs.inMemory(List.of(SloSpecParser.parse(text, "shop.slo")),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
        List<RuleFile> rules = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : result.output().files().subMap("rules/", "rules0").entrySet()) {
            Path path = Files.write(dir.resolve(file.getKey().substring("rules/".length())), file.getValue());
            rules.add(RuleFileLoader.load(path, file.getKey(), PromqlProfile.DEFAULT, false));
        }
        List<Diagnostic> found = new ArrayList<>();
        lint.check(new LintContext(rules, List.of(result.spec()), KnownMetrics.NONE, LintContext.RUNBOOK_URL),
                found::add);
        return found;
    }

    @Test
    void aRetentionShorterThanAnSloWindowFailsAtTheRetentionLine() throws Exception {
        List<Diagnostic> found = lint(new RetentionLint(), SERVICE + "prometheus {\n  scrape_interval 15s\n"
                + "  retention 15d\n}\n");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location().source()).isEqualTo("shop.slo");
            assertThat(d.location().line()).isEqualTo(15);
            assertThat(d.location().column()).isEqualTo(13);
            assertThat(d.message()).contains("retention 15d").contains("28d window of SLO shop/orders")
                    .contains("set retention 28d or longer");
        });
    }

    @Test
    void withoutRetentionPrometheusKeepsFifteenDaysWhichTheBlockIsBlamedFor() throws Exception {
        List<Diagnostic> found = lint(new RetentionLint(), SERVICE + "prometheus {\n  scrape_interval 15s\n}\n");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(13);
            assertThat(d.message()).contains("retention 15d (Prometheus's default)");
        });
    }

    @Test
    void aRetentionCoveringTheLongestWindowPasses() throws Exception {
        assertThat(lint(new RetentionLint(), SERVICE + "prometheus { retention 28d }\n")).isEmpty();
        assertThat(lint(new RetentionLint(), SERVICE)).as("no prometheus block, nothing to check").isEmpty();
    }

    @Test
    void aSeverityNoRouteCatchesAndAReceiverNoRouteNamesAreFlagged() throws Exception {
        List<Diagnostic> found = lint(new AlertRoutingLint(), SERVICE + ROUTING);
        assertThat(found).extracting(Diagnostic::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("alert ShopDown (severity info) matches no route")
                        .contains("catch-all receiver 'team'"),
                m -> assertThat(m).contains("receiver 'audit' is named by no route"));
        assertThat(found).allMatch(d -> d.severity() == Severity.WARNING);
    }

    @Test
    void routesCoveringEverySeverityPass() throws Exception {
        String routing = ROUTING.replace("receiver audit { webhook { url: \"http://hook:8080/audit\" } }",
                "").replace("route { match { severity: \"warning\" } receiver team }",
                "route { match { severity: \"warning\" } receiver team }\n route { match { severity: \"info\" } receiver team }");
        assertThat(lint(new AlertRoutingLint(), SERVICE + routing)).isEmpty();
    }
}
