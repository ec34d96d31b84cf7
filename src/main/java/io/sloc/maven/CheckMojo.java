package io.sloc.maven;

import io.sloc.check.CheckReport;
import io.sloc.check.report.CheckJUnitReport;
import io.sloc.diag.Severity;
import io.sloc.pipeline.CheckOptions;
import io.sloc.pipeline.CheckProject;
import io.sloc.pipeline.CheckTarget;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** Whether warnings (e.g. alerts without a runbook) fail the build too. */
    @Parameter(property = "sloc.strict", defaultValue = "false")
    boolean strict;

    /** Metrics that exist without a recording rule (scraped), beyond those the specs read. */
    @Parameter
    List<String> knownMetrics = new ArrayList<>();

    /** Where the JUnit XML report goes, for CI servers that display test reports. */
    @Parameter(property = "sloc.junitReport",
            defaultValue = "${project.build.directory}/sloc-reports/TEST-sloc-check.xml")
    File junitReport;

    @Override
    void run() throws MojoFailureException {
        Path specs = specDirectory.toPath();
        CheckTarget target = new CheckTarget(specs.toFile().isDirectory() ? Optional.of(specs) : Optional.empty(),
                outputDirectory.toPath());
        CheckReport report = CheckProject.check(new CheckOptions(List.of(target), List.of(),
                testFiles.stream().map(File::toPath).toList(), Set.copyOf(knownMetrics), compileOptions(),
                prometheusTarget(), failOnDrift));
        report.diagnostics().forEach(this::log);
        CheckJUnitReport.write(report, junitReport.toPath());
        String counts = report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING)
                + " warning(s) in " + report.files().size() + " checked file(s)";
        if (!report.passed(strict)) {
            throw new MojoFailureException("sloc check failed: " + counts + " (see the messages above)");
        }
        getLog().info("sloc check: OK: " + counts);
    }
}
