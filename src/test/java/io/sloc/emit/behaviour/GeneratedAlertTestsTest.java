package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.emit.OutputTree;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.emit.rules.GeneratedRuleFile;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleFileWriter;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert-behaviour tests generated for the bundled specs ({@code slo-specs/}): they cover every SLO, are what is
 * committed in {@code generated/tests/} (compiled for Prometheus 3), pass under sloc's rule-test runner with the
 * target's semantics and, compiled for 2.42, under the real {@code promtool test rules} 2.42, and fail when the
 * rules are compiled from a faulty variant of the model (in-process: the compiler is not edited).
 */
class GeneratedAlertTestsTest {
    /** For the default target, Prometheus 3: what generated/ holds. */
    private static CompileSpecs.Result compiled;
    private static CompileSpecs.Result compiledFor242;

    @BeforeAll
    static void compile() {
        compiled = compileFor(PrometheusTarget.DEFAULT);
        compiledFor242 = compileFor(PrometheusTarget.named("2.42", "test"));
    }

    private static CompileSpecs.Result compileFor(PrometheusTarget target) {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS, target);
    }

    private static List<String> testFiles(OutputTree tree) {
        return tree.files().keySet().stream().filter(p -> p.startsWith(AlertTestEmitter.DIRECTORY)).toList();
    }

    /** Writes the compile output under {@code dir}; returns the absolute paths of the test files. */
    private static List<String> write(OutputTree tree, Path dir) throws Exception {
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return testFiles(tree).stream().map(p -> dir.resolve(p).toString()).toList();
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** {@code sloc test --prometheus VERSION}: sloc's runner with that version's semantics. */
    private static Run slocTest(String version, List<String> files) {
        SlocCli sloc = new SlocCli();
        List<String> args = new ArrayList<>(List.of("test", "--prometheus", version));
        args.addAll(files);
        int code = sloc.run(args);
        return new Run(code, sloc.out(), sloc.err());
    }

    @Test
    void everySloWithBurnRateAlertsHasItsTests() {
        List<String> files = testFiles(compiled.output());
        for (Service service : compiled.spec().services()) {
            for (Slo slo : service.slos()) {
                if (slo.alerting().isPresent()) {
                    assertThat(files).as(slo.name()).contains(
                            AlertTestEmitter.DIRECTORY + service.name() + "-" + slo.name() + ".yml");
                }
            }
        }
        assertThat(compiled.spec().services()).isNotEmpty();
    }

    @Test
    void theCommittedTestsAreWhatTheCompilerWrites() throws Exception {
        for (String path : testFiles(compiled.output())) {
            Path committed = Shared.projectDir().resolve("generated").resolve(path);
            assertThat(committed).as("run ./sloc compile slo-specs/ -o generated/").exists();
            assertThat(Files.readAllBytes(committed)).as(path).isEqualTo(compiled.output().files().get(path));
        }
    }

    @Test
    void theyPassUnderSlocsRunnerWithPrometheus3Semantics(@TempDir Path dir) throws Exception {
        Run run = slocTest("3", write(compiled.output(), dir));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("FAILED").contains("SUCCESS");
    }

    @Test
    void compiledFor242TheyPassUnderSlocsRunnerWith242Semantics(@TempDir Path dir) throws Exception {
        Run run = slocTest("2.42", write(compiledFor242.output(), dir));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("FAILED").contains("SUCCESS");
    }

    @Test
    void compiledFor242TheyPassUnderTheRealPromtool242(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "test", "rules"));
        command.addAll(write(compiledFor242.output(), dir));
        PrometheusTools.Result result = PrometheusTools.run(dir, 600, command);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    /**
     * Expectations computed for 2.42 fail under Prometheus 3's semantics where {@link TargetWindowShapesTest}
     * says: after the outage the page already stopped at 1h18m (2.42 expects it still firing, 2 alerts); in the
     * burn at twice the threshold it already fires at 1h34m (2.42 expects only the other critical alert).
     */
    @Test
    void expectationsComputedFor242FailUnderPrometheus3AtThePredictedTimes(@TempDir Path dir) throws Exception {
        List<String> availability = write(compiledFor242.output(), dir).stream()
                .filter(file -> file.endsWith("hatago-availability.yml")).toList();
        assertThat(slocTest("2.42", availability).exitCode()).isZero();
        Run run = slocTest("3", availability);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("time: 1h18m,\\s+exp: \\{\\} 2E\\+00\\s+got: \\{\\} 1E\\+00")
                .containsPattern("time: 1h34m,\\s+exp: \\{\\} 1E\\+00\\s+got: \\{\\} 2E\\+00");
    }

    /**
     * Only the behaviour tests, and the Prometheus image the compose file runs, depend on the target: the same rules
     * are valid, and evaluated, in both versions.
     */
    @Test
    void theTargetChangesOnlyTheBehaviourTestsWhichNameIt() {
        Map<String, byte[]> for3 = compiled.output().files();
        Map<String, byte[]> for242 = compiledFor242.output().files();
        assertThat(for242.keySet()).isEqualTo(for3.keySet());
        for (String path : for3.keySet()) {
            boolean test = path.startsWith(AlertTestEmitter.DIRECTORY);
            if (path.equals("docker-compose.monitoring.yml")) {
                assertThat(new String(for242.get(path), StandardCharsets.UTF_8)).as(path)
                        .isEqualTo(new String(for3.get(path), StandardCharsets.UTF_8)
                                .replace("prom/prometheus:v3.14.0", "prom/prometheus:v2.42.0"));
            } else if (!test) {
                assertThat(for242.get(path)).as(path).isEqualTo(for3.get(path));
            } else {
                assertThat(new String(for3.get(path), StandardCharsets.UTF_8)).as(path)
                        .contains("computed for Prometheus 3.14's range windows");
                assertThat(new String(for242.get(path), StandardCharsets.UTF_8)).as(path)
                        .contains("computed for Prometheus 2.42's range windows");
            }
        }
        assertThat(testFiles(compiled.output()).stream().filter(p -> !Arrays.equals(for3.get(p), for242.get(p))))
                .as("every test file differs at least in its header").hasSameSizeAs(testFiles(compiled.output()));
    }

    /** Replaces the rule files in {@code dir} by the rules of {@code spec} with every expression rewritten. */
    private static void plantRules(Path dir, Spec spec, UnaryOperator<String> rewrite) throws Exception {
        for (Service service : spec.services()) {
            List<GeneratedRuleGroup> groups = new ArrayList<>();
            for (GeneratedRuleGroup group : RuleGenerator.generate(RuleNames.SLOC, service).groups()) {
                groups.add(new GeneratedRuleGroup(group.name(), group.interval(), group.rules().stream()
                        .map(rule -> rewritten(rule, rewrite))
                        .toList()));
            }
            Files.writeString(dir.resolve(RulesEmitter.path(service)), RuleFileWriter.write(new GeneratedRuleFile(groups)));
        }
    }

    private static GeneratedRule rewritten(GeneratedRule rule, UnaryOperator<String> rewrite) {
        if (rule instanceof GeneratedRule.Recording r) {
            return new GeneratedRule.Recording(r.record(), rewrite.apply(r.expr()), r.labels());
        }
        GeneratedRule.Alerting a = (GeneratedRule.Alerting) rule;
        return new GeneratedRule.Alerting(a.alert(), rewrite.apply(a.expr()), a.forDuration(), a.keepFiringFor(), a.labels(),
                a.annotations());
    }

    @Test
    void removingTheZeroTrafficGuardMakesTheZeroTrafficTestsFail(@TempDir Path dir) throws Exception {
        List<String> files = write(compiled.output(), dir);
        plantRules(dir, compiled.spec(), expr -> expr.replace(" > 0)", ")"));
        assertThat(Files.readString(dir.resolve("rules/hatago.rules.yml"))).doesNotContain("> 0)");
        Run run = slocTest("3", files);
        assertThat(run.exitCode()).isEqualTo(1);
        // NaN ratios (0/0) are what fails, not the alerts: NaN compares false, so nothing fires.
        assertThat(run.err()).contains("> -Inf < +Inf").doesNotContain("alertstate=");
    }

    @Test
    void aWrongBurnFactorMakesTheDetectionTimeTestsFail(@TempDir Path dir) throws Exception {
        List<String> files = write(compiled.output(), dir);
        plantRules(dir, withFactorsScaled(compiled.spec(), new BigDecimal("1.25")), UnaryOperator.identity());
        Run run = slocTest("3", files);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("alertstate=\\\"firing\\\"");
    }

    /** The model with every burn factor multiplied by {@code scale}: a compiler that got the factors wrong. */
    private static Spec withFactorsScaled(Spec spec, BigDecimal scale) {
        List<Service> services = new ArrayList<>();
        for (Service s : spec.services()) {
            List<Slo> slos = new ArrayList<>();
            for (Slo slo : s.slos()) {
                slos.add(new Slo(slo.name(), slo.description(), slo.objective(), slo.window(), slo.sli(),
                        slo.groupBy(), slo.alerting().map(p -> scaled(p, scale)), slo.runbookUrl(), slo.labels(),
                        slo.location()));
            }
            services.add(new Service(s.name(), s.labels(), slos, s.alerts(), s.records(), s.dashboard(), s.location()));
        }
        return new Spec(services, spec.runbooks(), spec.prometheus(), spec.alertmanager());
    }

    private static BurnRatePolicy scaled(BurnRatePolicy policy, BigDecimal scale) {
        return new BurnRatePolicy(policy.name(), policy.windows().stream().map(w -> new BurnRateWindow(
                w.budgetShare(), w.factor().multiply(scale), w.longWindow(), w.shortWindow(), w.severity(),
                w.forDuration(), w.keepFiringFor(), w.labels(), w.annotations())).toList(), policy.minTraffic(),
                policy.labels(), policy.annotations(), policy.alertName());
    }
}
