package io.sloc.maven;

import io.sloc.check.CheckReport;
import io.sloc.check.report.CheckJUnitReport;
import io.sloc.check.report.Summary;
import io.sloc.pipeline.CheckOptions;
import io.sloc.pipeline.CheckProject;
import io.sloc.pipeline.CheckSettings;
import io.sloc.pipeline.CheckTarget;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sloc:check}, the same gate as {@code sloc check}: compiles the specs in memory and fails on drift against
 * the output directory, validates and lints its rule files, and runs its rule tests plus {@code testFiles}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends SlocMojo {
    /** Rule-test files to run besides those found in the output directory. */
    @Parameter(property = "sloc.testFiles")
    List<File> testFiles = new ArrayList<>();

    /** Whether output that differs from the output directory fails the build (otherwise it is a warning). */
    @Parameter(property = "sloc.failOnDrift", defaultValue = "true")
    boolean failOnDrift;

    /**
     * Whether warnings (e.g. alerts without a runbook) fail the build too; overrides {@code strict} of
     * {@code .sloc.yml} (default: false).
     */
    @Parameter(property = "sloc.strict")
    Boolean strict;

    /**
     * Metrics that exist although no checked rule records them (globs: {@code *}, {@code ?}); when given, replace
     * {@code known_metrics} of {@code .sloc.yml}.
     */
    @Parameter
    List<String> knownMetrics;

    /** Saved scrapes (Prometheus text format) whose metrics exist; when given, replace {@code metrics_files}. */
    @Parameter
    List<File> metricsFiles;

    /** The annotation that links an alert's runbook; overrides {@code runbook_annotation} (default: runbook_url). */
    @Parameter(property = "sloc.runbookAnnotation")
    String runbookAnnotation;

    /** Where {@code .sloc.yml} is looked for: here, then up to the root of the git work tree. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Where the JUnit XML report goes, for CI servers that display test reports. */
    @Parameter(property = "sloc.junitReport",
            defaultValue = "${project.build.directory}/sloc-reports/TEST-sloc-check.xml")
    File junitReport;

    @Override
    void run() throws MojoFailureException {
        Path specs = specDirectory.toPath();
        CheckTarget target = new CheckTarget(specs.toFile().isDirectory() ? Optional.of(specs) : Optional.empty(),
                outputDirectory.toPath());
        CheckSettings settings = CheckSettings.resolve(List.of(basedir.toPath()), new CheckSettings.Given(strict,
                knownMetrics, metricsFiles == null ? null : metricsFiles.stream().map(File::toPath).toList(),
                runbookAnnotation == null || runbookAnnotation.isBlank() ? null : runbookAnnotation));
        CheckReport report = CheckProject.check(new CheckOptions(List.of(target), List.of(),
                testFiles.stream().map(File::toPath).toList(), settings, compileOptions(), ruleOutput(), prometheusTarget(),
                failOnDrift));
        report.diagnostics().forEach(this::log);
        CheckJUnitReport.write(report, junitReport.toPath());
        if (!report.passed()) {
            throw new MojoFailureException("sloc check failed" + Summary.details(report) + " (see the messages above)");
        }
        getLog().info(Summary.line(report));
    }
}
