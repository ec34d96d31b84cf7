package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.check.CheckReport;
import io.sloc.compiler.CompileOptions;
import io.sloc.diag.BadInputException;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of hand-written Prometheus rules (no specs): promtool's checks, the lints and the rule tests. */
class CheckProjectTest {
    @TempDir
    Path dir;

    private CheckReport check(Path... extraTests) {
        return check(CheckSettings.DEFAULTS, extraTests);
    }

    private CheckReport check(CheckSettings settings, Path... extraTests) {
        return check(settings, PrometheusTarget.DEFAULT, extraTests);
    }

    private CheckReport check(CheckSettings settings, PrometheusTarget target, Path... extraTests) {
        return CheckProject.check(new CheckOptions(List.of(new CheckTarget(Optional.empty(), dir)), List.of(),
                List.of(extraTests), settings, CompileOptions.DEFAULTS, RuleOutputSettings.DEFAULT, target, true));
    }

    private static List<Diagnostic> of(CheckReport report, String check) {
        return report.diagnostics().stream().filter(d -> d.check().equals(check)).toList();
    }

    @Test
    void rulesThatPromtoolRejectsAreLocatedErrors() throws IOException {
        Files.writeString(dir.resolve("unknown-field.yml"), """
                groups:
                  - name: g
                    rules:
                      - record: a
                        expr: up
                        severity: page
                """);
        Files.writeString(dir.resolve("bad-names.yml"), """
                groups:
                  - name: g
                    rules:
                      - record: not a metric name
                        expr: up
                  - name: g
                    rules:
                      - alert: Templated
                        expr: up == 0
                        annotations:
                          summary: "{{ $labels.instance "
                """);
        PrometheusTarget v242 = PrometheusTarget.named("2.42", "--prometheus");
        CheckReport report = check(CheckSettings.DEFAULTS, v242);
        assertThat(report.passed()).isFalse();
        List<Diagnostic> found = of(report, "rule-file");
        assertThat(found).anySatisfy(d -> {
            assertThat(d.location().source()).endsWith("unknown-field.yml");
            assertThat(d.location().line()).isEqualTo(6);
            assertThat(d.message()).contains("field severity not found");
        });
        assertThat(found).anySatisfy(d -> {
            assertThat(d.location().source()).endsWith("bad-names.yml");
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.message()).contains("invalid recording rule name: not a metric name");
        });
        assertThat(found).anySatisfy(d -> assertThat(d.message()).contains("\"g\" is repeated in the same file"));
        assertThat(found).anySatisfy(d -> assertThat(d.message()).contains("annotation \"summary\""));
        assertThat(of(check(), "rule-file")).as("Prometheus 3 accepts UTF-8 metric names")
                .noneSatisfy(d -> assertThat(d.message()).contains("invalid recording rule name"));
    }

    @Test
    void otherYamlIsLeftAloneAndRuleTestsAreFoundAndRun() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  prometheus:\n    image: prom\n");
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                """);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/rules-test.yml"), """
                rule_files: [../rules.yml]
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job="a",instance="1"}'
                        values: '1 1 1'
                    promql_expr_test:
                      - expr: job:up:sum
                        eval_time: 2m
                        exp_samples: [{labels: 'job:up:sum{job="a"}', value: 1}]
                """);
        CheckReport report = check();
        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.files()).extracting(f -> f.stage() + " " + Path.of(f.path()).getFileName())
                .containsExactly("LINT rules.yml", "TEST rules-test.yml");
    }

    @Test
    void missingInputsAreBadInputNotFindings() {
        assertThatThrownBy(() -> CheckProject.check(new CheckOptions(
                List.of(new CheckTarget(Optional.empty(), dir.resolve("absent"))), List.of(), List.of(),
                CheckSettings.DEFAULTS,
                CompileOptions.DEFAULTS, RuleOutputSettings.DEFAULT, PrometheusTarget.DEFAULT, true))).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> check(dir.resolve("absent-test.yml"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aBurnFactorThatDisagreesWithItsBudgetShareIsAWarningAtTheSpecsFactor() throws IOException {
        Path specs = dir.resolve("slo-specs");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("shop.slo"), """
                service shop {
                  slo orders {
                    objective 99.9%
                    sli ratio { errors `orders_failed_total` total `orders_total` }
                    alerting {
                      window { budget 10% factor 2.88 long 1d short 2h severity ticket }
                    }
                  }
                }
                """);
        CheckOptions lenient = new CheckOptions(List.of(CheckTarget.of(dir, "slo-specs", "generated")),
                List.of(), List.of(), CheckSettings.DEFAULTS, CompileOptions.DEFAULTS, RuleOutputSettings.DEFAULT, PrometheusTarget.DEFAULT, false);
        CheckReport report = CheckProject.check(lenient);
        assertThat(report.passed()).as("drift is only a warning here").isTrue();
        assertThat(of(report, "compile")).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location().source()).endsWith("shop.slo");
            assertThat(d.location().line()).isEqualTo(6);
            assertThat(d.message()).contains("2.88").contains("burn rate of 3");
        });
        CheckSettings strict = CheckSettings.DEFAULTS.with(new CheckSettings.Given(true, null, null, null));
        assertThat(CheckProject.check(new CheckOptions(lenient.targets(), List.of(), List.of(), strict,
                CompileOptions.DEFAULTS, RuleOutputSettings.DEFAULT, PrometheusTarget.DEFAULT, false)).passed()).isFalse();
    }

    @Test
    void driftCountsLinesToAddAndRemoveIgnoringMovedOnes() {
        byte[] compiled = "a\nb\nc\nd\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] onDisk = "b\na\nc\nx\ny\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SpecCheck.lineCounts(compiled, onDisk)).isEqualTo("compiling again would add 1 line(s) and remove 2");
    }
}
