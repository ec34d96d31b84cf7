package io.sloc.cli;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.Drift;
import io.sloc.pipeline.PrometheusTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sloc compile}: SLO specs → Prometheus rules and runbooks (and whatever other emitters produce). */
final class CompileCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "compile",
            "Compile SLO specs into Prometheus rule files, runbooks, Grafana dashboards and alert-behaviour tests.",
            "Exit codes: 0 ok, 1 --check found drift, 2 bad input (one located message).");

    private final PositionalParamSpec inputs = model.specInputs();

    private final OptionSpec output = model.ownedOutputDirectory();

    private final OptionSpec check = model.option(OptionSpec.builder("--check").type(boolean.class)
            .description("Compare with DIR instead of writing; exit 1 and list the files that differ."));

    private final OptionSpec runbookBaseUrl = model.option(OptionSpec.builder("--runbook-base-url").paramLabel("URL")
            .type(String.class).description("Base of runbook_url annotations (overrides runbook_base_url in the "
                    + "specs); default: ../runbooks, relative to the rule files."));

    private final OptionSpec prometheus = model.option(
            PrometheusVersionConverter.option(PrometheusVersionConverter.DESCRIPTION));

    CompileCommand() {
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    private final RuleOutputOptions ruleOutput = new RuleOutputOptions(model, "--format", "rules (default): "
            + "Prometheus rule files in rules/; prometheusrule: also a Kubernetes PrometheusRule per service in "
            + "prometheusrule/; mimir: also a Mimir/Cortex ruler namespace file per service in mimir/.");

    @Override
    public Integer call() {
        PrintWriter out = model.spec().commandLine().getOut();
        PrintWriter err = model.spec().commandLine().getErr();
        Path outputDir = output.getValue();
        CompileSpecs.Outcome outcome = CompileSpecs.run(CommandModel.values(inputs), outputDir,
                new CompileOptions(Optional.ofNullable(runbookBaseUrl.getValue())), prometheus.getValue(),
                ruleOutput.settings(), CommandModel.isSet(check), TerminalProgress.forStderr("compile", err));
        for (Diagnostic warning : outcome.result().warnings()) {
            err.println(warning);
        }
        err.flush();
        if (outcome.drift().isPresent()) {
            Drift drift = outcome.drift().get();
            if (!drift.inSync()) {
                err.print(drift.render());
                err.println(outputDir + " is out of date (" + drift.changes().size() + " file(s) differ): run `sloc "
                        + "compile` without --check and commit the result");
                err.flush();
                return ExitCodes.FAILED;
            }
            out.println(outputDir + " is up to date (" + outcome.fileCount() + " files)");
        } else {
            out.println("compiled " + outcome.result().spec().services().size() + " service(s) into "
                    + outcome.fileCount() + " files in " + outputDir);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
