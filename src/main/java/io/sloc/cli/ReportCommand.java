package io.sloc.cli;

import io.sloc.pipeline.BuildReport;
import io.sloc.pipeline.PrometheusTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sloc report}: an HTML page showing what each SLO's alert policy does. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a static HTML report of every SLO's alert policy: the SRE workbook's table of "
                + "detection and reset times, and charts of simulated incidents; with --history, a backtest on recorded series.",
                "Exit codes: 0 ok, 2 bad input (one located message)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC_DIR_OR_FILE", arity = "1..*",
            description = "Spec files, or directories searched recursively for *.slo files.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (owned by sloc: files it no longer produces are deleted).")
    Path output;

    @Option(names = PrometheusVersionConverter.OPTION, paramLabel = "VERSION", defaultValue = "3",
            converter = PrometheusVersionConverter.class, description = PrometheusVersionConverter.DESCRIPTION)
    PrometheusTarget prometheus;

    @Option(names = "--history", paramLabel = "FILE", description = "Replay recorded series through the rules "
            + "(a /api/v1/query_range JSON result, or `promtool tsdb dump` output) and report what each policy would "
            + "have sent.")
    Path history;

    @Option(names = "--proposed", paramLabel = "SPEC_DIR_OR_FILE", split = ",", description = "With --history: "
            + "specs with a proposed policy, replayed side by side with the current ones (SLOs matched by name).")
    List<Path> proposed = List.of();

    @Override
    public Integer call() {
        if (history == null && !proposed.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--proposed needs --history");
        }
        BuildReport.Outcome outcome = BuildReport.run(inputs, output, prometheus,
                Optional.ofNullable(history).map(h -> new BuildReport.HistoryReplay(h, proposed)));
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote the report of " + outcome.spec().services().stream().mapToInt(s -> s.slos().size()).sum()
                + " SLO(s) to " + outcome.page());
        out.flush();
        return ExitCodes.OK;
    }
}
