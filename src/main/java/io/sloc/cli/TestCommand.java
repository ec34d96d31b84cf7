package io.sloc.cli;

import io.sloc.pipeline.RunRuleTests;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        return RunRuleTests.run(new RunRuleTests.Request(files, Optional.ofNullable(run), Optional.ofNullable(junit),
                Optional.ofNullable(maxSamples)), cli.getOut(), cli.getErr());
    }
}
