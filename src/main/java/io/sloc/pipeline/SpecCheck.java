package io.sloc.pipeline;

import io.sloc.check.CheckedFile;
import io.sloc.check.RuleOrigins;
import io.sloc.check.Stage;
import io.sloc.compiler.CompileOptions;
import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.emit.rules.RuleOutput;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.model.Spec;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compile and drift stages for one project: the specs are compiled in memory exactly as {@code sloc compile}
 * does, and the result is compared with the committed output directory. A spec that does not compile is a
 * finding (with the compiler's located message), not an abort, so the rest of the project is still checked.
 */
record SpecCheck(List<CheckedFile> files, Optional<Spec> spec) {

    static SpecCheck run(Path specs, Path generated, CompileOptions options, PrometheusTarget target,
                         RuleOutput ruleOutput, boolean driftIsError) {
        List<SpecFile> sources;
        CompileSpecs.Result result;
        try {
            sources = SpecLoader.load(List.of(specs));
            result = CompileSpecs.inMemory(sources, options, target, ruleOutput);
        } catch (BadInputException e) {
            Diagnostic failure = Diagnostic.error("compile", e.location(), e.getMessage());
            return new SpecCheck(List.of(new CheckedFile(Stage.COMPILE, e.location().source(), List.of(failure))),
                    Optional.empty());
        }
        Map<String, List<Diagnostic>> compiled = new LinkedHashMap<>();
        sources.forEach(source -> compiled.put(source.source(), new ArrayList<>()));
        for (Diagnostic warning : result.warnings()) {
            compiled.computeIfAbsent(warning.location().source(), k -> new ArrayList<>()).add(warning);
        }
        List<CheckedFile> files = new ArrayList<>();
        compiled.forEach((path, found) -> files.add(new CheckedFile(Stage.COMPILE, path, found)));
        files.addAll(drift(result, specs, generated, driftIsError));
        return new SpecCheck(files, Optional.of(result.spec()));
    }

    /** One checked file per output file; each difference located at the first line that differs. */
    private static List<CheckedFile> drift(CompileSpecs.Result result, Path specs, Path generated, boolean isError) {
        Map<String, CheckedFile> byPath = new LinkedHashMap<>();
        result.output().files().keySet().forEach(path ->
                byPath.put(path, new CheckedFile(Stage.DRIFT, generated.resolve(path).toString(), List.of())));
        String fix = "run `sloc compile " + specs + " -o " + generated + "` and commit the result";
        Map<String, byte[]> expected = OutputWriter.expectedFiles(result.output());
        for (Drift.Change change : OutputWriter.compare(result.output(), generated).changes()) {
            Path file = generated.resolve(change.path());
            SourceLocation at = new SourceLocation(file.toString(), 0, 0);
            String message;
            Optional<SourceLocation> origin = Optional.empty();
            switch (change.kind()) {
                case MISSING:
                    message = "missing: compiling the specs produces this file; " + fix;
                    break;
                case UNEXPECTED:
                    message = "not produced by the specs (left over from an earlier compile, or written by hand); "
                            + "delete it, or " + fix;
                    break;
                default:
                    byte[] compiled = expected.get(change.path());
                    byte[] onDisk = read(file);
                    at = new SourceLocation(file.toString(), Drift.firstDifferingLine(compiled, onDisk), 1);
                    message = "differs from what the specs compile to (" + lineCounts(compiled, onDisk) + "); "
                            + fix + "\n" + change.detail().strip();
                    origin = ruleOrigin(result, generated, change.path(), compiled, at.line());
            }
            Diagnostic d = isError ? Diagnostic.error("drift", at, message) : Diagnostic.warning("drift", at, message);
            d = RuleOrigins.relocate(d, origin);
            byPath.put(change.path(), new CheckedFile(Stage.DRIFT, file.toString(), List.of(d)));
        }
        return List.copyOf(byPath.values());
    }

    /**
     * The spec position of the compiled rule at {@code line} of a rule file that drifted; empty for other files and
     * for lines past the compiled file's end (text added after it belongs to no rule).
     */
    private static Optional<SourceLocation> ruleOrigin(CompileSpecs.Result result, Path generated, String path,
                                                       byte[] compiled, int line) {
        String text = new String(compiled, StandardCharsets.UTF_8);
        if (result.spec().services().stream().noneMatch(service -> RulesEmitter.path(service).equals(path))
                || line > text.lines().count()) {
            return Optional.empty();
        }
        SpecOrigins origins = new SpecOrigins();
        origins.add(result.spec(), generated);
        RuleFile rules = RuleFileLoader.parse(text, generated.resolve(path).toString());
        return origins.ofLine(rules, line);
    }

    /**
     * How many lines compiling again would add and remove (compared as multisets of lines, so moved lines do not
     * count): enough to tell a one-line edit from a stale file without printing a whole diff.
     */
    static String lineCounts(byte[] compiled, byte[] onDisk) {
        Map<String, Integer> balance = new HashMap<>();
        new String(compiled, StandardCharsets.UTF_8).lines().forEach(l -> balance.merge(l, 1, Integer::sum));
        new String(onDisk, StandardCharsets.UTF_8).lines().forEach(l -> balance.merge(l, -1, Integer::sum));
        int added = balance.values().stream().filter(n -> n > 0).mapToInt(Integer::intValue).sum();
        int removed = -balance.values().stream().filter(n -> n < 0).mapToInt(Integer::intValue).sum();
        return "compiling again would add " + added + " line(s) and remove " + removed;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileFailure.of(file, "read it", e);
        }
    }
}
