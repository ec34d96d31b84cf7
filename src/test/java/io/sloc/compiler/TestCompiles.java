package io.sloc.compiler;

import io.sloc.dsl.SloSpecParser;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compiles spec text in memory for tests. */
public final class TestCompiles {
    private TestCompiles() {
    }

    public static CompileSpecs.Result compile(String... specTexts) {
        return compile(CompileOptions.DEFAULTS, specTexts);
    }

    public static CompileSpecs.Result compile(CompileOptions options, String... specTexts) {
        List<SpecFile> files = new ArrayList<>();
        for (int i = 0; i < specTexts.length; i++) {
            files.add(SloSpecParser.parse(specTexts[i], "spec" + i + ".slo"));
        }
        return CompileSpecs.inMemory(files, options, PrometheusTarget.DEFAULT);
    }

    /** The Hatago specs of this repository, compiled in memory. */
    public static CompileSpecs.Result hatago() {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
    }

    public static String file(CompileSpecs.Result result, String path) {
        byte[] bytes = result.output().files().get(path);
        if (bytes == null) {
            throw new AssertionError("no " + path + " in " + result.output().files().keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static Slo slo(CompileSpecs.Result result, String name) {
        return result.spec().services().stream().flatMap(s -> s.slos().stream())
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public static Service service(CompileSpecs.Result result, String name) {
        return result.spec().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every generated rule of every service. */
    public static List<GeneratedRule> rules(CompileSpecs.Result result) {
        List<GeneratedRule> rules = new ArrayList<>();
        for (Service service : result.spec().services()) {
            for (GeneratedRuleGroup group : RuleGenerator.generate(RuleNames.SLOC, service).groups()) {
                rules.addAll(group.rules());
            }
        }
        return rules;
    }

    public static Optional<GeneratedRule.Recording> recording(CompileSpecs.Result result, String slo, String record) {
        return rules(result).stream().filter(r -> r instanceof GeneratedRule.Recording).map(r -> (GeneratedRule.Recording) r)
                .filter(r -> r.record().equals(record) && slo.equals(r.labels().get("slo"))).findFirst();
    }

    public static List<GeneratedRule.Alerting> alerts(CompileSpecs.Result result) {
        return rules(result).stream().filter(r -> r instanceof GeneratedRule.Alerting).map(r -> (GeneratedRule.Alerting) r).toList();
    }

    public static Path projectPath(String relative) {
        return Shared.projectDir().resolve(relative);
    }
}
