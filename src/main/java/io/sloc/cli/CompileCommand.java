package io.sloc.cli;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.Drift;
import io.sloc.pipeline.PrometheusTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sloc compile}: SLO specs → Prometheus rules and runbooks (and whatever other emitters produce). */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile SLO specs into Prometheus rule files, runbooks, Grafana dashboards and alert-behaviour tests.",
                "Exit codes: 0 ok, 1 --check found drift, 2 bad input (one located message)."})
public final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC_DIR_OR_FILE", arity = "1..*",
            description = "Spec files, or directories searched recursively for *.slo files.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (owned by sloc: files it no longer produces are deleted).")
    Path output;

    @Option(names = "--check", description = "Compare with DIR instead of writing; exit 1 and list the files "
            + "that differ.")
    boolean check;

    @Option(names = "--runbook-base-url", paramLabel = "URL", description = "Base of runbook_url annotations "
            + "(overrides runbook_base_url in the specs); default: ../runbooks, relative to the rule files.")
    String runbookBaseUrl;

    @Option(names = PrometheusVersionConverter.OPTION, paramLabel = "VERSION", defaultValue = "3",
            converter = PrometheusVersionConverter.class, description = PrometheusVersionConverter.DESCRIPTION)
    PrometheusTarget prometheus;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompileSpecs.Outcome outcome = CompileSpecs.run(inputs, output,
                new CompileOptions(Optional.ofNullable(runbookBaseUrl)), prometheus, check);
        for (Diagnostic warning : outcome.result().warnings()) {
            err.println(warning);
        }
        err.flush();
        if (outcome.drift().isPresent()) {
            Drift drift = outcome.drift().get();
            if (!drift.inSync()) {
                err.print(drift.render());
                err.println(output + " is out of date (" + drift.changes().size() + " file(s) differ): run `sloc "
                        + "compile` without --check and commit the result");
                err.flush();
                return ExitCodes.FAILED;
            }
            out.println(output + " is up to date (" + outcome.fileCount() + " files)");
        } else {
            out.println("compiled " + outcome.result().spec().services().size() + " service(s) into "
                    + outcome.fileCount() + " files in " + output);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
