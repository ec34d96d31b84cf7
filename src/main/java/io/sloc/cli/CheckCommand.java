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
import io.sloc.pipeline.PrometheusTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sloc check [DIR...]}: the CI gate over specs, generated rules and rule tests. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Checks SLO projects for CI: compiles the specs in memory and fails on drift against the committed "
                + "output, validates and lints every rule file (promtool check rules and its duplicate-rules lint, "
                + "plus sloc's lints) and runs the rule tests.",
            "A DIR with a slo-specs/ directory is an sloc project; any other DIR is scanned for Prometheus rule "
                + "files (top-level `groups:`) and rule tests (top-level `tests:`).",
            "Settings (strict, known_metrics, metrics_files, runbook_annotation) are read from the nearest "
                + ".sloc.yml, in DIR or a parent up to the git root; flags override them.",
            "Exit codes: 0 passed, 1 check failed, 2 bad usage or unreadable input."})
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Projects or rule directories (default: .).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--specs", paramLabel = "NAME", defaultValue = "slo-specs",
            description = "Spec directory inside each DIR (default: ${DEFAULT-VALUE}).")
    String specsName;

    @Option(names = "--generated", paramLabel = "NAME", defaultValue = "generated",
            description = "Committed output directory inside each project DIR (default: ${DEFAULT-VALUE}).")
    String generatedName;

    @Option(names = "--rules", paramLabel = "FILE", description = "More rule files to lint.")
    List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--tests", paramLabel = "FILE", description = "More rule-test files to run.")
    List<Path> testFiles = new ArrayList<>();

    @Option(names = "--known-metric", paramLabel = "GLOB", description = "A metric that exists although no checked "
            + "rule records it (recorded by another Prometheus or an upstream chart, or scraped); * and ? are "
            + "wildcards. Repeatable; replaces known_metrics of .sloc.yml.")
    List<String> knownMetrics;

    @Option(names = "--metrics", paramLabel = "FILE", description = "A saved scrape (`curl -s HOST:PORT/metrics > "
            + "FILE`, Prometheus text format): its metrics exist, and plain metric names missing from it are "
            + "reported. Repeatable; replaces metrics_files of .sloc.yml.")
    List<Path> metricsFiles;

    @Option(names = "--runbook-annotation", paramLabel = "NAME", description = "The annotation that links an "
            + "alert's runbook (default: runbook_url, or runbook_annotation of .sloc.yml).")
    String runbookAnnotation;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default; coloured on a terminal unless NO_COLOR is set), json, or github "
                    + "(workflow-command annotations).")
    ReportFormat format;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junit;

    @Option(names = "--runbook-base-url", paramLabel = "URL",
            description = "As for `sloc compile`: the specs are compiled the way the committed output was.")
    String runbookBaseUrl;

    @Option(names = PrometheusVersionConverter.OPTION, paramLabel = "VERSION", defaultValue = "3",
            converter = PrometheusVersionConverter.class, description = "As for `sloc compile` (the committed output "
                    + "must have been compiled for it); rule files are validated and rule tests run with its "
                    + "semantics.")
    PrometheusTarget prometheus;

    @Option(names = "--strict", negatable = true, description = "Fail on warnings too (--no-strict: only on "
            + "errors); overrides strict of .sloc.yml.")
    Boolean strict;

    @Option(names = "--no-drift-check", description = "Report drift against the committed output as warnings.")
    boolean driftIsWarning;

    @Override
    public Integer call() {
        List<Path> roots = dirs.isEmpty() ? List.of(Path.of("")) : dirs;
        List<CheckTarget> targets = new ArrayList<>();
        for (Path dir : roots) {
            targets.add(CheckTarget.of(dir, specsName, generatedName));
        }
        if (runbookAnnotation != null && runbookAnnotation.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runbook-annotation needs a name");
        }
        CheckSettings settings = CheckSettings.resolve(roots,
                new CheckSettings.Given(strict, knownMetrics, metricsFiles, runbookAnnotation));
        CheckReport report = CheckProject.check(new CheckOptions(targets, ruleFiles, testFiles, settings,
                new CompileOptions(Optional.ofNullable(runbookBaseUrl)), prometheus, !driftIsWarning),
                TerminalProgress.forStderr("check", spec.commandLine().getErr()));
        boolean colour = ReportFormat.colourWanted(System.console() != null, System.getenv());
        format.reporter(colour).write(report, spec.commandLine().getOut());
        if (junit != null) {
            CheckJUnitReport.write(report, junit);
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
