package io.sloc.maven;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.RuleInputs;
import io.sloc.pipeline.RuleTests;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sloc:test}, like {@code sloc test}: runs promtool-format rule tests, by default every rule-test file in
 * the output directory (the tests {@code sloc compile} generates). Honours {@code -DskipTests} too.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class TestMojo extends SlocMojo {
    /** The rule-test files to run; when empty, those found in the output directory. */
    @Parameter(property = "sloc.testFiles")
    List<File> testFiles = new ArrayList<>();

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override
    void run() throws MojoFailureException {
        if (skipTests) {
            getLog().info("sloc: tests skipped (skipTests=true)");
            return;
        }
        PrometheusTarget target = prometheusTarget();
        List<Path> files = testFiles.isEmpty()
                ? RuleInputs.scan(outputDirectory.toPath()).testFiles()
                : testFiles.stream().map(File::toPath).toList();
        if (files.isEmpty()) {
            getLog().info("sloc: no rule tests in " + outputDirectory);
            return;
        }
        CheckReport report = new CheckReport(RuleTests.run(files, target), false);
        report.diagnostics().forEach(this::log);
        long failed = report.files().stream().filter(CheckedFile::hasErrors).count();
        if (failed > 0) {
            throw new MojoFailureException("sloc test: " + failed + " of " + files.size()
                    + " rule-test file(s) failed (see the messages above)");
        }
        getLog().info("sloc test: " + files.size() + " rule-test file(s) passed");
    }
}
