package io.sloc.pipeline;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Lints;
import io.sloc.check.lint.KnownMetrics;
import io.sloc.diag.BadInputException;
import io.sloc.diag.Progress;
import io.sloc.diag.SourceLocation;
import io.sloc.model.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sloc check}: compiles each target's specs in memory and compares the result with the committed output,
 * validates and lints every rule file, and runs every rule test; all findings come back in one report. Only
 * unreadable input (a missing directory, an I/O error) is thrown, as {@link BadInputException}; everything wrong
 * inside the files is a finding, so that CI shows all of it at once, located.
 */
public final class CheckProject {
    private CheckProject() {
    }

    public static CheckReport check(CheckOptions options) {
        return check(options, Progress.NONE);
    }

    /** {@link #check(CheckOptions)}, telling {@code progress} how far the rule tests are. */
    public static CheckReport check(CheckOptions options, Progress progress) {
        List<CheckedFile> files = new ArrayList<>();
        List<Spec> specs = new ArrayList<>();
        SpecOrigins origins = new SpecOrigins();
        RuleInputs inputs = new RuleInputs(existing(options.ruleFiles()), existing(options.testFiles()));
        for (CheckTarget target : options.targets()) {
            if (target.specs().isPresent()) {
                SpecCheck result = SpecCheck.run(target.specs().get(), target.generated(), options.compileOptions(),
                        options.prometheus(), options.ruleOutput().output(), options.driftIsError());
                files.addAll(result.files());
                result.spec().ifPresent(spec -> {
                    specs.add(spec);
                    origins.add(spec, target.generated());
                });
            } else if (!Files.isDirectory(target.generated())) {
                throw new BadInputException(new SourceLocation(target.generated().toString(), 0, 0),
                        "no such directory: give a project directory (with slo-specs/) or a directory of rule files");
            }
            inputs = inputs.plus(RuleInputs.scan(target.generated()));
        }
        CheckSettings settings = options.settings();
        files.addAll(Lints.run(inputs.ruleFiles(), specs, options.prometheus().profile(), knownMetrics(settings),
                settings.runbookAnnotation(), origins));
        files.addAll(RuleTests.run(inputs.testFiles(), options.prometheus(), progress));
        return new CheckReport(files, settings.strict());
    }

    private static KnownMetrics knownMetrics(CheckSettings settings) {
        if (settings.metricsFiles().isEmpty()) {
            return new KnownMetrics(settings.knownMetrics(), Optional.empty());
        }
        return new KnownMetrics(settings.knownMetrics(),
                Optional.of(MetricsScrape.read(existing(settings.metricsFiles()))));
    }

    private static List<Path> existing(List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(new SourceLocation(file.toString(), 0, 0), "no such file");
            }
        }
        return files;
    }
}
