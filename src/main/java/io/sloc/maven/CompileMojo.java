package io.sloc.maven;

import io.sloc.diag.Diagnostic;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.Drift;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sloc:compile}, like {@code sloc compile}: compiles the specs into the output directory (atomically; a
 * failed compile leaves it untouched). With {@code failOnDrift} it compares instead of writing, as
 * {@code sloc compile --check} does, which is what CI wants.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class CompileMojo extends SlocMojo {
    /** Compare with the output directory instead of writing it, and fail when they differ. */
    @Parameter(property = "sloc.failOnDrift", defaultValue = "false")
    boolean failOnDrift;

    @Override
    void run() throws MojoFailureException {
        CompileSpecs.Outcome outcome = CompileSpecs.run(List.of(specDirectory.toPath()), outputDirectory.toPath(),
                compileOptions(), prometheusTarget(), ruleOutput(), failOnDrift);
        for (Diagnostic warning : outcome.result().warnings()) {
            getLog().warn(mavenFormat(warning.location(), warning.message()));
        }
        if (outcome.drift().isPresent()) {
            Drift drift = outcome.drift().get();
            if (!drift.inSync()) {
                drift.render().lines().forEach(getLog()::error);
                throw new MojoFailureException(outputDirectory + " is out of date (" + drift.changes().size()
                        + " file(s) differ from what the specs compile to): run sloc:compile without failOnDrift "
                        + "and commit the result");
            }
            getLog().info("sloc: " + outputDirectory + " is up to date (" + outcome.fileCount() + " files)");
        } else {
            getLog().info("sloc: compiled " + outcome.result().spec().services().size() + " service(s) into "
                    + outcome.fileCount() + " files in " + outputDirectory);
        }
    }
}
