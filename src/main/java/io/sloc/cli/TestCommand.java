package io.sloc.cli;

import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.RunRuleTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sloc test FILE...}: a drop-in {@code promtool test rules} with the same output and exit codes. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs Prometheus rule unit tests (promtool test rules format), with the output of the chosen "
                + "Prometheus version's promtool.",
            "Exit code 0: all passed; 1: a test failed or a test file is missing or broken; 2: bad usage."})
public final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Rule test files (none, a missing file or a directory: promtool's error, exit code 1).")
    List<String> files = new ArrayList<>();

    @Option(names = PrometheusVersionConverter.OPTION, paramLabel = "VERSION", defaultValue = "3",
            converter = PrometheusVersionConverter.class,
            description = "The Prometheus version whose promtool to reproduce: 3 (= 3.14, default), 3.14 or 2.42.")
    PrometheusTarget prometheus;

    @Option(names = "--run", paramLabel = "REGEX",
            description = "Only run test groups whose name matches this regular expression; repeatable (a group "
                    + "runs if any matches).")
    List<String> run = new ArrayList<>();

    @Option(names = "--enable-feature", paramLabel = "NAME[,NAME...]",
            description = "Enable PromQL feature flags as promtool does (e.g. promql-experimental-functions); "
                    + "repeatable. Unknown names print promtool's warning and are ignored.")
    List<String> features = new ArrayList<>();

    @Option(names = "--ignore-unknown-fields", description = "Ignore unknown fields in rule files.")
    boolean ignoreUnknownFields;

    @Option(names = "--diff", description = "Report failing alert tests as a diff of expected and received alerts.")
    boolean diff;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE "
            + "(promtool's format under --prometheus 3).")
    Path junit;

    @Option(names = "--max-samples", paramLabel = "N",
            description = "Per-query sample limit (default: none; 10000 reproduces promtool's limit and error).")
    Integer maxSamples;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Run up to N test files at once (default: the number of processors); the output is the "
                    + "same, in file order.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // --debug (inherited from sloc) also turns on promtool's test debugging output.
        return RunRuleTests.run(new RunRuleTests.Request(files, run, Optional.ofNullable(junit),
                Optional.ofNullable(maxSamples), prometheus, features, ignoreUnknownFields, diff, main.debug,
                jobs),
                cli.getOut(), cli.getErr(),
                TerminalProgress.forStderr("test", cli.getErr()));
    }
}
