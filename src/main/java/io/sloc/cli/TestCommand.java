package io.sloc.cli;

import io.sloc.pipeline.RunRuleTests;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sloc test FILE...}: a drop-in {@code promtool test rules} with the same output and exit codes. */
final class TestCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "test",
            "Runs Prometheus rule unit tests (promtool test rules format), with the output of the chosen Prometheus "
                    + "version's promtool.",
            "Exit code 0: all passed; 1: a test failed or a test file is missing or broken; 2: bad usage.");

    private final PositionalParamSpec files = model.positional(PositionalParamSpec.builder().arity("0..*")
            .paramLabel("FILE").type(List.class).auxiliaryTypes(String.class)
            .description("Rule test files (none, a missing file or a directory: promtool's error, exit code 1)."));

    private final OptionSpec prometheus = model.option(PrometheusVersionConverter.option(
            "The Prometheus version whose promtool to reproduce: 3 (= 3.14, default), 3.14 or 2.42."));

    private final OptionSpec run = model.option(OptionSpec.builder("--run").paramLabel("REGEX").type(List.class)
            .auxiliaryTypes(String.class).description("Only run test groups whose name matches this regular "
                    + "expression; repeatable (a group runs if any matches)."));

    private final OptionSpec features = model.option(OptionSpec.builder("--enable-feature")
            .paramLabel("NAME[,NAME...]").type(List.class).auxiliaryTypes(String.class)
            .description("Enable PromQL feature flags as promtool does (e.g. promql-experimental-functions); "
                    + "repeatable. Unknown names print promtool's warning and are ignored."));

    private final OptionSpec ignoreUnknownFields = model.option(OptionSpec.builder("--ignore-unknown-fields")
            .type(boolean.class).description("Ignore unknown fields in rule files."));

    private final OptionSpec diff = model.option(OptionSpec.builder("--diff").type(boolean.class)
            .description("Report failing alert tests as a diff of expected and received alerts."));

    private final OptionSpec junit = model.option(OptionSpec.builder("--junit").paramLabel("FILE").type(Path.class)
            .description("Also write a JUnit XML report to FILE (promtool's format under --prometheus 3)."));

    private final OptionSpec maxSamples = model.option(OptionSpec.builder("--max-samples").paramLabel("N")
            .type(Integer.class).description("Per-query sample limit (default: none; 10000 reproduces promtool's "
                    + "limit and error)."));

    private final OptionSpec jobs = model.option(OptionSpec.builder("-j", "--jobs").paramLabel("N").type(int.class)
            .initialValue(Runtime.getRuntime().availableProcessors())
            .description("Run up to N test files at once (default: the number of processors); the output is the "
                    + "same, in file order."));

    TestCommand() {
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    @Override
    public Integer call() {
        CommandLine cli = model.spec().commandLine();
        // --debug (inherited from sloc) also turns on promtool's test debugging output.
        boolean debug = CommandModel.isSet(model.spec().findOption(Main.DEBUG));
        return RunRuleTests.run(new RunRuleTests.Request(CommandModel.values(files), CommandModel.values(run),
                Optional.ofNullable(junit.getValue()), Optional.ofNullable(maxSamples.getValue()),
                prometheus.getValue(), CommandModel.values(features), CommandModel.isSet(ignoreUnknownFields),
                CommandModel.isSet(diff), debug, jobs.getValue()),
                cli.getOut(), cli.getErr(), TerminalProgress.forStderr("test", cli.getErr()));
    }
}
