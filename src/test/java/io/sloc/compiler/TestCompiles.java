package io.sloc.compiler;

import io.sloc.dsl.SloSpecParser;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.emit.Emitters;
import io.sloc.emit.rules.Rule;
import io.sloc.emit.rules.RuleGroup;
import io.sloc.model.Service;
import io.sloc.model.Slo;
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

    public static SlocCompiler.Result compile(String... specTexts) {
        return compile(CompileOptions.DEFAULTS, specTexts);
    }

    public static SlocCompiler.Result compile(CompileOptions options, String... specTexts) {
        List<SpecFile> files = new ArrayList<>();
        for (int i = 0; i < specTexts.length; i++) {
            files.add(SloSpecParser.parse(specTexts[i], "spec" + i + ".slo"));
        }
        return SlocCompiler.compile(files, options, Emitters.defaults());
    }

    /** The Hatago specs of this repository, compiled in memory. */
    public static SlocCompiler.Result hatago() {
        return SlocCompiler.compile(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS, Emitters.defaults());
    }

    public static String file(SlocCompiler.Result result, String path) {
        byte[] bytes = result.output().files().get(path);
        if (bytes == null) {
            throw new AssertionError("no " + path + " in " + result.output().files().keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static Slo slo(SlocCompiler.Result result, String name) {
        return result.spec().services().stream().flatMap(s -> s.slos().stream())
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public static Service service(SlocCompiler.Result result, String name) {
        return result.spec().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every generated rule of every service. */
    public static List<Rule> rules(SlocCompiler.Result result) {
        List<Rule> rules = new ArrayList<>();
        for (Service service : result.spec().services()) {
            for (RuleGroup group : RuleGenerator.generate(service).groups()) {
                rules.addAll(group.rules());
            }
        }
        return rules;
    }

    public static Optional<Rule.Recording> recording(SlocCompiler.Result result, String slo, String record) {
        return rules(result).stream().filter(r -> r instanceof Rule.Recording).map(r -> (Rule.Recording) r)
                .filter(r -> r.record().equals(record) && slo.equals(r.labels().get("slo"))).findFirst();
    }

    public static List<Rule.Alerting> alerts(SlocCompiler.Result result) {
        return rules(result).stream().filter(r -> r instanceof Rule.Alerting).map(r -> (Rule.Alerting) r).toList();
    }

    public static Path projectPath(String relative) {
        return Shared.projectDir().resolve(relative);
    }
}
