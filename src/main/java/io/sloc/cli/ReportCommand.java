package io.sloc.cli;

import io.sloc.pipeline.BuildReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code sloc report}: an HTML page showing what each SLO's alert policy does. */
final class ReportCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "report",
            "Write a static HTML report of every SLO's alert policy: the SRE workbook's table of detection and "
                    + "reset times, and charts of simulated incidents; with --history, a backtest on recorded series.",
            "Exit codes: 0 ok, 2 bad input (one located message).");

    private final PositionalParamSpec inputs = model.specInputs();

    private final OptionSpec output = model.ownedOutputDirectory();

    private final OptionSpec prometheus = model.option(
            PrometheusVersionConverter.option(PrometheusVersionConverter.DESCRIPTION));

    private final OptionSpec history = model.option(OptionSpec.builder("--history").paramLabel("FILE")
            .type(Path.class).description("Replay recorded series through the rules (a /api/v1/query_range JSON "
                    + "result, or `promtool tsdb dump` output) and report what each policy would have sent."));

    private final OptionSpec proposed = model.option(OptionSpec.builder("--proposed").paramLabel("SPEC_DIR_OR_FILE")
            .splitRegex(",").type(List.class).auxiliaryTypes(Path.class).description("With --history: specs with a "
                    + "proposed policy, replayed side by side with the current ones (SLOs matched by name)."));

    ReportCommand() {
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    @Override
    public Integer call() {
        Path historyFile = history.getValue();
        List<Path> proposedSpecs = CommandModel.values(proposed);
        if (historyFile == null && !proposedSpecs.isEmpty()) {
            throw new ParameterException(model.spec().commandLine(), "--proposed needs --history");
        }
        BuildReport.Outcome outcome = BuildReport.run(CommandModel.values(inputs), output.getValue(),
                prometheus.getValue(),
                Optional.ofNullable(historyFile).map(h -> new BuildReport.HistoryReplay(h, proposedSpecs)));
        PrintWriter out = model.spec().commandLine().getOut();
        out.println("wrote the report of " + outcome.spec().services().stream().mapToInt(s -> s.slos().size()).sum()
                + " SLO(s) to " + outcome.page());
        out.flush();
        return ExitCodes.OK;
    }
}
