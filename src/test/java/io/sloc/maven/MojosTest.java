package io.sloc.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.SourceLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals as Maven runs them (fields set as Maven injects parameters), without a Maven runtime. */
class MojosTest {
    private static final String SPEC = """
            service shop {
              slo orders {
                objective 99.9%
                sli ratio {
                  errors `orders_failed_total`
                  total  `orders_total`
                }
              }
            }
            """;

    @TempDir
    Path project;

    private final List<String> errors = new ArrayList<>();

    /** Keeps what the goal logs as errors, to check Maven's {@code file:[line,column]} form. */
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
            super.error(content);
        }
    };

    @BeforeEach
    void writeSpec() throws IOException {
        Files.createDirectories(project.resolve("slo-specs"));
        Files.writeString(project.resolve("slo-specs/shop.slo"), SPEC);
    }

    private <M extends SlocMojo> M configure(M mojo) {
        mojo.specDirectory = project.resolve("slo-specs").toFile();
        mojo.outputDirectory = project.resolve("generated").toFile();
        mojo.prometheusVersion = "3";
        mojo.naming = "sloc";
        mojo.ruleFormat = "rules";
        mojo.setLog(log);
        return mojo;
    }

    private CompileMojo compile() {
        return configure(new CompileMojo());
    }

    private CheckMojo check() {
        CheckMojo mojo = configure(new CheckMojo());
        mojo.failOnDrift = true;
        mojo.junitReport = project.resolve("target/check.xml").toFile();
        mojo.basedir = project.toFile();
        return mojo;
    }

    @Test
    void compileWritesTheOutputAndCheckThenPasses() throws Exception {
        compile().execute();
        assertThat(project.resolve("generated/rules/shop.rules.yml")).isRegularFile();
        check().execute();
        assertThat(Files.readString(project.resolve("target/check.xml"))).contains("shop.rules.yml")
                .doesNotContain("<failure");
    }

    @Test
    void checkReadsTheProjectsSettingsFileAndItsParametersOverrideIt() throws Exception {
        compile().execute();
        Files.writeString(project.resolve(".sloc.yml"), "strict: true\n");
        assertThatThrownBy(() -> check().execute()).as("the alerts have no runbook_url: warnings, strict")
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("which fail the check in strict mode");

        CheckMojo lenient = check();
        lenient.strict = false;
        lenient.execute();

        CheckMojo ownAnnotation = check();
        ownAnnotation.runbookAnnotation = "summary";
        ownAnnotation.execute();

        Files.writeString(project.resolve(".sloc.yml"), "strict: maybe\n");
        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessage(project.resolve(".sloc.yml") + ":1:9: strict must be true or false");
    }

    @Test
    void skipDoesNothing() throws Exception {
        CompileMojo mojo = compile();
        mojo.skip = true;
        mojo.execute();
        assertThat(project.resolve("generated")).doesNotExist();
    }

    @Test
    void driftFailsCheckAndCompileInCheckingModeButOnlyWarnsWhenAllowed() throws Exception {
        compile().execute();
        Path rules = project.resolve("generated/rules/shop.rules.yml");
        // A hand edit that changes no rule: drift, yet the generated rule tests still pass.
        Files.writeString(rules, Files.readString(rules) + "# edited by hand\n");

        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("sloc check failed");
        assertThat(errors).anyMatch(e -> e.startsWith(rules + ":[") && e.contains("[drift]"));

        CompileMojo checking = compile();
        checking.failOnDrift = true;
        assertThatThrownBy(checking::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("out of date");
        assertThat(Files.readString(rules)).as("checking mode never writes").endsWith("# edited by hand\n");

        CheckMojo lenient = check();
        lenient.failOnDrift = false;
        lenient.execute();
    }

    @Test
    void prometheusVersionSelectsTheTargetOfCompileAndCheck() throws Exception {
        Files.writeString(project.resolve("slo-specs/shop.slo"), SPEC.replace("total  `orders_total`\n                }",
                "total  `orders_total`\n                }\n"
                        + "    alerting { window { budget 2% long 1h short 5m severity page } }"));
        CompileMojo compile = compile();
        compile.prometheusVersion = "2.42";
        compile.execute();
        assertThat(Files.readString(project.resolve("generated/tests/shop-orders.yml")))
                .contains("computed for Prometheus 2.42's range windows");
        CheckMojo for242 = check();
        for242.prometheusVersion = "2.42";
        for242.execute();
        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("shop-orders.yml", "[drift]"));
    }

    @Test
    void anUnknownPrometheusVersionIsAConfigurationErrorListingTheAcceptedOnes() {
        for (SlocMojo mojo : List.of(compile(), check(), configure(new TestMojo()))) {
            mojo.prometheusVersion = "2.41";
            assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(
                    "prometheusVersion: unknown Prometheus version '2.41' (accepted: 3, 3.14, 2.42); did you mean '2.42'?");
        }
        assertThat(project.resolve("generated")).doesNotExist();
    }

    @Test
    void namingAndRuleFormatShapeTheRulesAndCheckCompilesTheSameWay() throws Exception {
        CompileMojo compile = compile();
        compile.naming = "sloth";
        compile.ruleFormat = "prometheusrule";
        compile.prometheusRuleNamespace = "monitoring";
        compile.prometheusRuleLabels = Map.of("release", "prom");
        compile.execute();
        assertThat(Files.readString(project.resolve("generated/prometheusrule/shop.yaml")))
                .contains("kind: PrometheusRule", "namespace: monitoring", "release: prom", "sloth_service: shop");
        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class);
        CheckMojo same = check();
        same.naming = "sloth";
        same.ruleFormat = "prometheusrule";
        same.prometheusRuleNamespace = "monitoring";
        same.prometheusRuleLabels = Map.of("release", "prom");
        same.execute();
    }

    @Test
    void anUnknownNamingIsAConfigurationErrorListingTheAcceptedOnes() {
        CompileMojo compile = compile();
        compile.naming = "pyrra";
        assertThatThrownBy(compile::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("naming: unknown naming 'pyrra' (accepted: sloc, sloth)");
    }

    @Test
    void aBadSpecIsAnExecutionErrorNamingFileAndLine() throws IOException {
        Path spec = project.resolve("slo-specs/shop.slo");
        Files.writeString(spec, SPEC.replace("objective 99.9%", "objective 100%"));
        assertThatThrownBy(() -> compile().execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(spec + ":3:");
        assertThat(errors).singleElement().asString().startsWith(spec + ":[3,");
        assertThat(project.resolve("generated")).doesNotExist();
    }

    @Test
    void aFailingRuleTestFailsTheTestGoal() throws Exception {
        compile().execute();
        Path test = project.resolve("wrong-test.yml");
        Files.writeString(test, """
                rule_files: [generated/rules/shop.rules.yml]
                tests:
                  - interval: 1m
                    promql_expr_test:
                      - expr: vector(1)
                        eval_time: 0m
                        exp_samples: [{labels: '{}', value: 2}]
                """);
        TestMojo mojo = configure(new TestMojo());
        mojo.testFiles = List.of(test.toFile());
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 of 1 rule-test file(s) failed");
        assertThat(errors).singleElement().asString().startsWith(test + ":[3,1] rule test tests[0] failed:")
                .contains("got: {} 1E+00");
    }

    @Test
    void theTestGoalFindsTheRuleTestsInTheOutputDirectory() throws Exception {
        compile().execute();
        Files.writeString(project.resolve("generated/passing-test.yml"), """
                rule_files: [rules/shop.rules.yml]
                tests:
                  - interval: 1m
                    promql_expr_test:
                      - expr: vector(1)
                        eval_time: 0m
                        exp_samples: [{labels: '{}', value: 1}]
                """);
        configure(new TestMojo()).execute();
        TestMojo skipped = configure(new TestMojo());
        skipped.skipTests = true;
        skipped.testFiles = List.of(new File("absent.yml"));
        skipped.execute();
    }

    @Test
    void mavenFormatPutsLineAndColumnInBrackets() {
        assertThat(SlocMojo.mavenFormat(new SourceLocation("a.slo", 3, 7), "bad")).isEqualTo("a.slo:[3,7] bad");
        assertThat(SlocMojo.mavenFormat(new SourceLocation("a.slo", 0, 0), "bad")).isEqualTo("a.slo: bad");
        assertThat(SlocMojo.mavenFormat(SourceLocation.UNKNOWN, "bad")).isEqualTo("bad");
    }
}
