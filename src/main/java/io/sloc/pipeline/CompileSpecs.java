package io.sloc.pipeline;

import io.sloc.compiler.CompileOptions;
import io.sloc.compiler.SlocCompiler;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Progress;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.behaviour.AlertBehaviourTests;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.RuleOutput;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compile use case behind {@code sloc compile} and {@code sloc:compile}: specs read from disk, compiled to the
 * model, every emitter's files produced in memory, then the output directory written (atomically) or compared.
 */
public final class CompileSpecs {
    private CompileSpecs() {
    }

    /** What one compile produced, in memory. */
    public record Result(Spec spec, OutputTree output, List<Diagnostic> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** A compile and what it did to the output directory: written, or compared ({@code drift} present). */
    public record Outcome(Result result, Optional<Drift> drift) {
        public int fileCount() {
            return result.output().files().size();
        }
    }

    /**
     * Parsed specs → model → every emitter's output for {@code target}, without touching the disk. Only the
     * alert-behaviour tests depend on the target: the rules, dashboards and runbooks are the same for every one.
     */
    public static Result inMemory(List<SpecFile> files, CompileOptions options, PrometheusTarget target,
                                  RuleOutput ruleOutput, Progress progress) {
        SlocCompiler.Compilation compilation = SlocCompiler.compile(files, options);
        OutputTree output = new OutputTree();
        List<Emitter> emitters = Emitters.defaults(target, ruleOutput);
        progress.start(emitters.size(), "outputs");
        try {
            for (Emitter emitter : emitters) {
                emitter.emit(compilation.spec(), output);
                progress.unitDone();
            }
        } finally {
            progress.finish();
        }
        List<Diagnostic> warnings = new ArrayList<>(compilation.warnings());
        warnings.addAll(untestedSlos(compilation.spec(), target, ruleOutput.names()));
        return new Result(compilation.spec(), output, warnings);
    }

    /** As {@link #inMemory(List, CompileOptions, PrometheusTarget, RuleOutput, Progress)}, without progress. */
    public static Result inMemory(List<SpecFile> files, CompileOptions options, PrometheusTarget target,
                                  RuleOutput ruleOutput) {
        return inMemory(files, options, target, ruleOutput, Progress.NONE);
    }

    /** As {@link #inMemory(List, CompileOptions, PrometheusTarget, RuleOutput)}, with sloc's plain rules. */
    public static Result inMemory(List<SpecFile> files, CompileOptions options, PrometheusTarget target) {
        return inMemory(files, options, target, RuleOutput.DEFAULT);
    }

    /** A warning per alerting SLO whose burn-rate alerts get no generated behaviour tests, saying why. */
    private static List<Diagnostic> untestedSlos(Spec spec, PrometheusTarget target, RuleNames names) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (Service service : spec.services()) {
            for (Slo slo : service.slos()) {
                if (slo.alerting().isPresent()) {
                    AlertBehaviourTests.unsupportedReason(AlertTestEmitter.underTest(names, service, slo), target.profile())
                            .ifPresent(reason -> warnings.add(Diagnostic.warning("compile", slo.location(),
                                    "no alert-behaviour tests for SLO '" + slo.name() + "': " + reason)));
                }
            }
        }
        return warnings;
    }

    /**
     * Reads the spec files and directories ({@link SpecLoader}), compiles them, then writes {@code outputDir} (a
     * failed compile writes nothing), or only compares with it when {@code compareOnly}.
     */
    public static Outcome run(List<Path> inputs, Path outputDir, CompileOptions options, PrometheusTarget target,
                              RuleOutputSettings ruleOutput, boolean compareOnly) {
        return run(inputs, outputDir, options, target, ruleOutput, compareOnly, Progress.NONE);
    }

    /** {@link #run(List, Path, CompileOptions, PrometheusTarget, RuleOutputSettings, boolean)}, with progress. */
    public static Outcome run(List<Path> inputs, Path outputDir, CompileOptions options, PrometheusTarget target,
                              RuleOutputSettings ruleOutput, boolean compareOnly, Progress progress) {
        Result result = inMemory(SpecLoader.load(inputs), options, target, ruleOutput.output(), progress);
        if (compareOnly) {
            return new Outcome(result, Optional.of(OutputWriter.compare(result.output(), outputDir)));
        }
        OutputWriter.write(result.output(), outputDir);
        return new Outcome(result, Optional.empty());
    }
}
