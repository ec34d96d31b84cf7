package io.sloc.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.cli.ExitCodes;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sloc check} on a repository of plain Prometheus rules and promtool tests, as teams keep them: what is
 * recorded elsewhere and what promtool only lints are warnings; {@code .sloc.yml} and the flags that override it.
 */
class CheckSettingsCommandTest {
    @TempDir
    Path repo;

    private SlocCli sloc;

    private static final String RULES = """
            groups:
              - name: node
                rules:
                  - alert: HighCpu
                    expr: instance:node_cpu_utilisation:rate5m{job="node"} > 0.9
                    annotations:
                      playbook: https://wiki/high-cpu
                  - record: job:up:sum
                    expr: sum by (job) (up)
            """;

    private static final String TEST = """
            rule_files: [rules.yml]
            tests:
              - interval: 1m
                input_series:
                  - series: 'instance:node_cpu_utilisation:rate5m{job="node", instance="a"}'
                    values: '0.95x5'
                alert_rule_test:
                  - alertname: HighCpu
                    eval_time: 2m
                    exp_alerts:
                      - exp_labels: {job: node, instance: a}
                        exp_annotations: {playbook: https://wiki/high-cpu}
            """;

    @BeforeEach
    void writeRepository() throws IOException {
        Files.writeString(repo.resolve("rules.yml"), RULES);
        Files.writeString(repo.resolve("rules_test.yml"), TEST);
    }

    private int check(String... args) {
        sloc = new SlocCli();
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(Arrays.asList(args));
        return sloc.run(all);
    }

    private String output() {
        return sloc.out() + sloc.err();
    }

    @Test
    void aMetricRecordedElsewhereIsAWarningThatFailsOnlyAStrictCheck() {
        assertThat(check("--runbook-annotation", "playbook", repo.toString())).as(output()).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains(repo.resolve("rules.yml") + ":5:15: warning: rule HighCpu selects "
                        + "instance:node_cpu_utilisation:rate5m, which no recording rule in the checked files records")
                .contains("sloc check: OK: 0 errors, 1 warning (unrecorded-metric: 1); checked 1 rule file, "
                        + "1 rule-test file");

        assertThat(check("--strict", "--runbook-annotation", "playbook", repo.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.out()).contains("sloc check: FAILED: 0 errors, 1 warning (unrecorded-metric: 1), which fail "
                + "the check in strict mode");
    }

    @Test
    void knownMetricsAndScrapesSilenceIt() throws IOException {
        assertThat(check("--strict", "--runbook-annotation", "playbook", "--known-metric", "instance:node_*",
                repo.toString())).as(output()).isEqualTo(ExitCodes.OK);
        Path scrape = repo.resolve("federated.prom");
        Files.writeString(scrape, """
                # HELP instance:node_cpu_utilisation:rate5m recorded by the cluster Prometheus
                # TYPE instance:node_cpu_utilisation:rate5m gauge
                instance:node_cpu_utilisation:rate5m{job="node",instance="a"} 0.2
                """);
        assertThat(check("--strict", "--runbook-annotation", "playbook", "--metrics", scrape.toString(),
                repo.toString())).as(output()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void theRepositorysSettingsApplyAndEachFlagOverridesItsOwnSetting() throws IOException {
        Files.createDirectories(repo.resolve("monitoring"));
        Files.writeString(repo.resolve("monitoring/federated.prom"), "instance:node_cpu_utilisation:rate5m 0.2\n");
        Files.writeString(repo.resolve(".sloc.yml"), """
                strict: true
                runbook_annotation: playbook
                known_metrics: [kube_*]
                """);
        assertThat(check(repo.toString())).as("strict, and kube_* does not cover the metric")
                .isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.out()).contains("unrecorded-metric: 1)").doesNotContain("runbook-url");

        assertThat(check("--no-strict", repo.toString())).isEqualTo(ExitCodes.OK);
        assertThat(check("--known-metric", "instance:*", repo.toString())).isEqualTo(ExitCodes.OK);
        assertThat(check("--known-metric", "instance:*", "--runbook-annotation", "runbook_url", repo.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.out()).contains("warning: alert HighCpu has no runbook_url annotation")
                .doesNotContain("unrecorded-metric");

        Files.writeString(repo.resolve(".sloc.yml"), """
                strict: true
                runbook_annotation: playbook
                metrics_files: [monitoring/federated.prom]
                """);
        assertThat(check(repo.toString())).as("the scrape path is relative to .sloc.yml").isEqualTo(ExitCodes.OK);
    }

    @Test
    void theReadmesSettingsExampleWorks() throws IOException {
        String readme = Files.readString(Shared.projectDir().resolve("README.md"));
        int start = readme.indexOf("```yaml\n# .sloc.yml\n") + "```yaml\n".length();
        Files.writeString(repo.resolve(".sloc.yml"), readme.substring(start, readme.indexOf("```", start)));
        Files.createDirectories(repo.resolve("monitoring"));
        Files.writeString(repo.resolve("monitoring/node-exporter.prom"), "node_load1 0.5\n");
        assertThat(check("--strict", repo.toString())).as(output()).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains("OK: 0 errors, 0 warnings");
    }

    @Test
    void theSettingsFileIsFoundUpToTheGitRootOnly() throws IOException {
        Path team = repo.resolve("teams/node");
        Files.createDirectories(team);
        Files.move(repo.resolve("rules.yml"), team.resolve("rules.yml"));
        Files.move(repo.resolve("rules_test.yml"), team.resolve("rules_test.yml"));
        Files.writeString(repo.resolve(".sloc.yml"), "strict: true\n");

        assertThat(check("--runbook-annotation", "playbook", team.toString()))
                .as("outside a git work tree only DIR itself is looked in").isEqualTo(ExitCodes.OK);
        Files.createDirectories(repo.resolve(".git"));
        assertThat(check("--runbook-annotation", "playbook", team.toString())).isEqualTo(ExitCodes.FAILED);
        Files.writeString(team.resolve(".sloc.yml"), "strict: false\n");
        assertThat(check("--runbook-annotation", "playbook", team.toString())).as("the nearest file wins")
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void aBadSettingsFileIsALocatedErrorWithExitCodeTwo() throws IOException {
        Path config = repo.resolve(".sloc.yml");
        Files.writeString(config, "strict: true\nknown_metric: [up]\n");
        assertThat(check(repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(config + ":2:1: error: unknown setting known_metric (the settings are strict, "
                + "known_metrics, metrics_files, runbook_annotation); did you mean 'known_metrics'? [check]")
                .doesNotContain("Exception");

        Files.writeString(config, "strict: yes please\n");
        assertThat(check(repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(config + ":1:9: error: strict must be true or false");

        Files.writeString(config, "known_metrics:\n  - up\n  - [node_*]\n");
        assertThat(check(repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(config + ":3:5: error: expected metric names or globs");

        Files.writeString(config, "metrics_files: [absent.prom]\n");
        assertThat(check(repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(config + ":1:17: error: metrics file absent.prom does not exist");

        Files.writeString(config, "strict: true\n  runbook_annotation: x\n");
        assertThat(check(repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(config + ":2:").contains("not valid YAML");
    }

    @Test
    void aSavedErrorPageIsNotAScrape() throws IOException {
        Path scrape = repo.resolve("scrape.prom");
        Files.writeString(scrape, "# saved\nup 1\n<html><body>502 Bad Gateway</body></html>\n");
        assertThat(check("--metrics", scrape.toString(), repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(scrape + ":3:1: error: not a Prometheus text-exposition sample");
        assertThat(check("--metrics", repo.resolve("absent.prom").toString(), repo.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("absent.prom: error: no such file [check]");
    }

    @Test
    void duplicateAlertsAreOnlyPromtoolsLintWarning() throws IOException {
        Files.writeString(repo.resolve("more.yml"), """
                groups:
                  - name: a
                    rules:
                      - alert: Down
                        expr: up{job="a"} == 0
                        annotations: {playbook: x}
                  - name: b
                    rules:
                      - alert: Down
                        expr: up{job="b"} == 0
                        annotations: {playbook: x}
                """);
        assertThat(check("--runbook-annotation", "playbook", "--known-metric", "instance:*", repo.toString()))
                .as(output()).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains(repo.resolve("more.yml") + ":9:9: warning: 1 duplicate rule(s) found. "
                + "[duplicate-rule]\n    Metric: Down\n    Label(s):\n    Might cause inconsistency while recording "
                + "expressions\n").doesNotContain("same series");
    }
}
