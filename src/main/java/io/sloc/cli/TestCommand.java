package io.sloc.cli;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.ruletest.FileReport;
import io.sloc.ruletest.JUnitReport;
import io.sloc.ruletest.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sloc test FILE...}: a drop-in {@code promtool test rules} with the same output and exit codes. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs Prometheus rule unit tests (promtool test rules format), with promtool 2.42's output.",
            "Exit code 0: all passed; 1: a test failed or a test file is broken; 2: bad usage or missing file."})
public final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule test files.")
    List<String> files;

    @Option(names = "--run", paramLabel = "REGEX",
            description = "Only run test groups whose name matches this regular expression.")
    String run;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junit;

    @Option(names = "--max-samples", paramLabel = "N",
            description = "Per-query sample limit (default: none; 10000 reproduces promtool's limit and error).")
    Integer maxSamples;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        return execute(files, run, junit, maxSamples, cli.getOut(), cli.getErr());
    }

    /** Runs the test files; also the CLI's lean path for {@code sloc test FILE...} without options. */
    static int execute(List<String> files, String run, Path junit, Integer maxSamples, PrintWriter out,
            PrintWriter err) {
        Pattern runPattern = null;
        if (run != null) {
            try {
                runPattern = Pattern.compile(run);
            } catch (PatternSyntaxException e) {
                throw new BadInputException(new SourceLocation("--run", 0, 0),
                        "invalid regular expression: " + e.getDescription());
            }
        }
        if (maxSamples != null && maxSamples < 1) {
            throw new BadInputException(new SourceLocation("--max-samples", 0, 0), "must be at least 1");
        }
        for (String f : files) {
            if (!Files.isRegularFile(Path.of(f))) {
                throw new BadInputException(new SourceLocation(f, 0, 0),
                        "no such test file (give existing rule test files)");
            }
        }
        RuleTestRunner.Options options = new RuleTestRunner.Options(
                maxSamples == null ? 0 : maxSamples, runPattern);
        List<FileReport> reports = new RuleTestRunner(options, Path.of(""), out, err).run(files);
        if (junit != null) {
            try {
                JUnitReport.write(junit, reports);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RuleTestRunner.exitCode(reports);
    }
}
