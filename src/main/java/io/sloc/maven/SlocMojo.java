package io.sloc.maven;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.BadInputException;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.FileFailure;
import io.sloc.diag.Severity;
import io.sloc.diag.SourceLocation;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.RuleOutputSettings;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every sloc goal shares: the {@code skip} switch, the spec and output directories, and the mapping of
 * sloc's outcomes to Maven's: bad input (a spec or file that cannot be read or parsed) is a
 * {@link MojoExecutionException}, a failed check or rule test a {@link MojoFailureException}. Findings are logged
 * as {@code file:[line,column] message}, the form Maven's compiler plugin uses and IDEs link.
 */
abstract class SlocMojo extends AbstractMojo {
    /** Skips the goal. */
    @Parameter(property = "sloc.skip", defaultValue = "false")
    boolean skip;

    /** The directory of SLO specs. */
    @Parameter(property = "sloc.specDirectory", defaultValue = "${project.basedir}/slo-specs", required = true)
    File specDirectory;

    /** The directory the compiled rules, runbooks and rule tests are written to (and compared with). */
    @Parameter(property = "sloc.outputDirectory", defaultValue = "${project.basedir}/generated", required = true)
    File outputDirectory;

    /** Base of the runbook_url annotations, overriding the specs' {@code runbook_base_url}. */
    @Parameter(property = "sloc.runbookBaseUrl")
    String runbookBaseUrl;

    /**
     * The Prometheus version the output is for: 3 (3.14), 3.14 or 2.42. The rules are the same for each; the
     * generated alert-behaviour tests expect its alert times, and the rule tests run with its semantics.
     */
    @Parameter(property = "sloc.prometheusVersion", defaultValue = "3")
    String prometheusVersion;

    /** Series, label and alert names of the rules: sloc, or sloth for Sloth's names (and its dashboards). */
    @Parameter(property = "sloc.naming", defaultValue = "sloc")
    String naming;

    /** rules, prometheusrule (also a PrometheusRule per service) or mimir (also a ruler namespace file per service). */
    @Parameter(property = "sloc.ruleFormat", defaultValue = "rules")
    String ruleFormat;

    /** Kubernetes namespace of the PrometheusRule objects; none by default. */
    @Parameter(property = "sloc.prometheusRuleNamespace")
    String prometheusRuleNamespace;

    /** Labels of the PrometheusRule objects (e.g. what a Prometheus's ruleSelector matches). */
    @Parameter
    Map<String, String> prometheusRuleLabels = new HashMap<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sloc: skipped (sloc.skip=true)");
            return;
        }
        try {
            run();
        } catch (BadInputException e) {
            throw badInput(e);
        } catch (UncheckedIOException e) {
            throw badInput(FileFailure.of(e.getCause()));
        }
    }

    private MojoExecutionException badInput(BadInputException e) {
        getLog().error(mavenFormat(e.location(), e.getMessage()));
        return new MojoExecutionException(e.render(), e);
    }

    CompileOptions compileOptions() {
        return new CompileOptions(Optional.ofNullable(runbookBaseUrl).filter(url -> !url.isBlank()));
    }

    /** The target named by {@code prometheusVersion}; an unknown name is bad input, listing the accepted ones. */
    PrometheusTarget prometheusTarget() {
        return PrometheusTarget.named(prometheusVersion, "prometheusVersion");
    }

    /** How the rules are named and packaged; an unknown naming or format is bad input. */
    RuleOutputSettings ruleOutput() {
        return RuleOutputSettings.of(naming, "naming", ruleFormat, "ruleFormat",
                Optional.ofNullable(prometheusRuleNamespace).filter(ns -> !ns.isBlank()), prometheusRuleLabels);
    }

    abstract void run() throws MojoFailureException;

    void log(Diagnostic diagnostic) {
        String message = diagnostic.message();
        int firstBreak = message.indexOf('\n');
        String tagged = firstBreak < 0 ? message + " [" + diagnostic.check() + "]"
                : message.substring(0, firstBreak) + " [" + diagnostic.check() + "]" + message.substring(firstBreak);
        String line = mavenFormat(diagnostic.location(), tagged);
        if (diagnostic.severity() == Severity.ERROR) {
            getLog().error(line);
        } else {
            getLog().warn(line);
        }
    }

    /** {@code file:[line,column] message}; just the file (or the message) when the position is unknown. */
    static String mavenFormat(SourceLocation at, String message) {
        if (at == null || SourceLocation.UNKNOWN.equals(at)) {
            return message;
        }
        return at.isKnown()
                ? at.source() + ":[" + at.line() + "," + Math.max(at.column(), 1) + "] " + message
                : at.source() + ": " + message;
    }
}
