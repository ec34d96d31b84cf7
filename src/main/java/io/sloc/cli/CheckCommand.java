package io.sloc.cli;

import io.sloc.check.CheckReport;
import io.sloc.check.report.CheckJUnitReport;
import io.sloc.check.report.ReportFormat;
import io.sloc.compiler.CompileOptions;
import io.sloc.diag.DidYouMean;
import io.sloc.pipeline.CheckOptions;
import io.sloc.pipeline.CheckProject;
import io.sloc.pipeline.CheckSettings;
import io.sloc.pipeline.CheckTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sloc check [DIR...]}: the CI gate over specs, generated rules and rule tests. */
final class CheckCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "check",
            "Checks SLO projects for CI: compiles the specs in memory and fails on drift against the committed "
                + "output, validates and lints every rule file (promtool check rules and its duplicate-rules lint, "
                + "plus sloc's lints) and runs the rule tests.",
            "A DIR with a slo-specs/ directory is an sloc project; any other DIR is scanned for Prometheus rule "
                + "files (top-level `groups:`) and rule tests (top-level `tests:`).",
            "Settings (strict, known_metrics, metrics_files, runbook_annotation) are read from the nearest "
                + ".sloc.yml, in DIR or a parent up to the git root; flags override them.",
            "Exit codes: 0 passed, 1 check failed, 2 bad usage or unreadable input.");

    private final PositionalParamSpec dirs = model.positional(PositionalParamSpec.builder().paramLabel("DIR")
            .arity("0..*").type(List.class).auxiliaryTypes(Path.class)
            .description("Projects or rule directories (default: .)."));

    private final OptionSpec specsName = model.option(OptionSpec.builder("--specs").paramLabel("NAME")
            .defaultValue("slo-specs").type(String.class)
            .description("Spec directory inside each DIR (default: ${DEFAULT-VALUE})."));

    private final OptionSpec generatedName = model.option(OptionSpec.builder("--generated").paramLabel("NAME")
            .defaultValue("generated").type(String.class)
            .description("Committed output directory inside each project DIR (default: ${DEFAULT-VALUE})."));

    private final OptionSpec ruleFiles = model.option(OptionSpec.builder("--rules").paramLabel("FILE")
            .type(List.class).auxiliaryTypes(Path.class).description("More rule files to lint."));

    private final OptionSpec testFiles = model.option(OptionSpec.builder("--tests").paramLabel("FILE")
            .type(List.class).auxiliaryTypes(Path.class).description("More rule-test files to run."));

    private final OptionSpec knownMetrics = model.option(OptionSpec.builder("--known-metric").paramLabel("GLOB")
            .type(List.class).auxiliaryTypes(String.class).description("A metric that exists although no checked "
                    + "rule records it (recorded by another Prometheus or an upstream chart, or scraped); * and ? "
                    + "are wildcards. Repeatable; replaces known_metrics of .sloc.yml."));

    private final OptionSpec metricsFiles = model.option(OptionSpec.builder("--metrics").paramLabel("FILE")
            .type(List.class).auxiliaryTypes(Path.class).description("A saved scrape (`curl -s HOST:PORT/metrics > "
                    + "FILE`, Prometheus text format): its metrics exist, and plain metric names missing from it are "
                    + "reported. Repeatable; replaces metrics_files of .sloc.yml."));

    private final OptionSpec runbookAnnotation = model.option(OptionSpec.builder("--runbook-annotation")
            .paramLabel("NAME").type(String.class).description("The annotation that links an alert's runbook "
                    + "(default: runbook_url, or runbook_annotation of .sloc.yml)."));

    private final OptionSpec format = model.option(OptionSpec.builder("--format").paramLabel("FORMAT")
            .defaultValue("text").type(ReportFormat.class).converters(new FormatConverter())
            .description("text (default; coloured on a terminal unless NO_COLOR is set), json, or github "
                    + "(workflow-command annotations)."));

    private final OptionSpec junit = model.option(OptionSpec.builder("--junit").paramLabel("FILE").type(Path.class)
            .description("Also write a JUnit XML report to FILE."));

    private final OptionSpec runbookBaseUrl = model.option(OptionSpec.builder("--runbook-base-url").paramLabel("URL")
            .type(String.class)
            .description("As for `sloc compile`: the specs are compiled the way the committed output was."));

    private final OptionSpec prometheus = model.option(PrometheusVersionConverter.option("As for `sloc compile` "
            + "(the committed output must have been compiled for it); rule files are validated and rule tests run "
            + "with its semantics."));

    private final RuleOutputOptions ruleOutput = new RuleOutputOptions(model, "--rule-format",
            "As --format of `sloc compile`.");

    private final OptionSpec strict = model.option(OptionSpec.builder("--strict").negatable(true)
            .type(Boolean.class).description("Fail on warnings too (--no-strict: only on errors); overrides strict "
                    + "of .sloc.yml."));

    private final OptionSpec driftIsWarning = model.option(OptionSpec.builder("--no-drift-check")
            .type(boolean.class).description("Report drift against the committed output as warnings."));

    CheckCommand() {
        model.spec().usageMessage().sortOptions(false);
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    @Override
    public Integer call() {
        CommandLine cli = model.spec().commandLine();
        List<Path> given = CommandModel.values(dirs);
        List<Path> roots = given.isEmpty() ? List.of(Path.of("")) : given;
        List<CheckTarget> targets = new ArrayList<>();
        for (Path dir : roots) {
            targets.add(CheckTarget.of(dir, specsName.getValue(), generatedName.getValue()));
        }
        String annotation = runbookAnnotation.getValue();
        if (annotation != null && annotation.isBlank()) {
            throw new CommandLine.ParameterException(cli, "--runbook-annotation needs a name");
        }
        // Not given (null) leaves .sloc.yml's settings in force.
        CheckSettings settings = CheckSettings.resolve(roots, new CheckSettings.Given(strict.getValue(),
                knownMetrics.getValue(), metricsFiles.getValue(), annotation));
        CheckReport report = CheckProject.check(new CheckOptions(targets, CommandModel.values(ruleFiles),
                CommandModel.values(testFiles), settings,
                new CompileOptions(Optional.ofNullable(runbookBaseUrl.getValue())), ruleOutput.settings(),
                prometheus.getValue(), !CommandModel.isSet(driftIsWarning)),
                TerminalProgress.forStderr("check", cli.getErr()));
        boolean colour = ReportFormat.colourWanted(System.console() != null, System.getenv());
        format.<ReportFormat>getValue().reporter(colour).write(report, cli.getOut());
        Path junitFile = junit.getValue();
        if (junitFile != null) {
            CheckJUnitReport.write(report, junitFile);
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Accepts the formats in any case ({@code json}, {@code JSON}). */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            List<String> names = Stream.of(ReportFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
            String name = value.toLowerCase(Locale.ROOT);
            if (!names.contains(name)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use "
                        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1)
                        + DidYouMean.hint(name, names));
            }
            return ReportFormat.valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
