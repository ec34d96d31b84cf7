package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.emit.OutputTree;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.emit.rules.GeneratedRuleFile;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleFileWriter;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert-behaviour tests generated for the bundled specs ({@code slo-specs/}): they cover every SLO, are what is
 * committed in {@code generated/tests/}, pass under {@code sloc test} and the real {@code promtool test rules}, and
 * fail when the rules are compiled from a faulty variant of the model (in-process: the compiler is not edited).
 */
class GeneratedAlertTestsTest {
    private static CompileSpecs.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = CompileSpecs.inMemory(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS);
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

    /** The generated tests target promtool 2.42 (they also run under the real one below). */
    private static Run slocTest(List<String> files) {
        SlocCli sloc = new SlocCli();
        List<String> args = new ArrayList<>(List.of("test", "--prometheus", "2.42"));
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
    void theyPassUnderSlocTest(@TempDir Path dir) throws Exception {
        Run run = slocTest(write(compiled.output(), dir));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("FAILED").contains("SUCCESS");
    }

    @Test
    void theyPassUnderTheRealPromtool(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "test", "rules"));
        command.addAll(write(compiled.output(), dir));
        PrometheusTools.Result result = PrometheusTools.run(dir, 600, command);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    /** Replaces the rule files in {@code dir} by the rules of {@code spec} with every expression rewritten. */
    private static void plantRules(Path dir, Spec spec, UnaryOperator<String> rewrite) throws Exception {
        for (Service service : spec.services()) {
            List<GeneratedRuleGroup> groups = new ArrayList<>();
            for (GeneratedRuleGroup group : RuleGenerator.generate(service).groups()) {
                groups.add(new GeneratedRuleGroup(group.name(), group.rules().stream().map(rule -> rewritten(rule, rewrite))
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
        Run run = slocTest(files);
        assertThat(run.exitCode()).isEqualTo(1);
        // NaN ratios (0/0) are what fails, not the alerts: NaN compares false, so nothing fires.
        assertThat(run.err()).contains("> -Inf < +Inf").doesNotContain("alertstate=");
    }

    @Test
    void aWrongBurnFactorMakesTheDetectionTimeTestsFail(@TempDir Path dir) throws Exception {
        List<String> files = write(compiled.output(), dir);
        plantRules(dir, withFactorsScaled(compiled.spec(), new BigDecimal("1.25")), UnaryOperator.identity());
        Run run = slocTest(files);
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
            services.add(new Service(s.name(), s.labels(), slos, s.alerts(), s.dashboard(), s.location()));
        }
        return new Spec(services, spec.runbooks());
    }

    private static BurnRatePolicy scaled(BurnRatePolicy policy, BigDecimal scale) {
        return new BurnRatePolicy(policy.name(), policy.windows().stream().map(w -> new BurnRateWindow(
                w.budgetShare(), w.factor().multiply(scale), w.longWindow(), w.shortWindow(), w.severity(),
                w.forDuration(), w.keepFiringFor(), w.labels(), w.annotations())).toList(), policy.minTraffic(),
                policy.labels(), policy.annotations());
    }
}
