package io.sloc.cli;

import io.sloc.pipeline.BuildReport;
import io.sloc.pipeline.PrometheusTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sloc report}: an HTML page showing what each SLO's alert policy does. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a static HTML report of every SLO's alert policy: the SRE workbook's table of "
                + "detection and reset times, and charts of simulated incidents.",
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

    @Override
    public Integer call() {
        BuildReport.Outcome outcome = BuildReport.run(inputs, output, prometheus);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote the report of " + outcome.spec().services().stream().mapToInt(s -> s.slos().size()).sum()
                + " SLO(s) to " + outcome.page());
        out.flush();
        return ExitCodes.OK;
    }
}
