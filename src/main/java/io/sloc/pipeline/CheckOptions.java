package io.sloc.pipeline;

import io.sloc.compiler.CompileOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sloc check} (and the {@code sloc:check} goal) is asked to do.
 *
 * @param targets      projects or rule directories to check
 * @param ruleFiles    extra rule files to lint, beyond those found in the targets
 * @param testFiles    extra rule-test files to run, beyond those found in the targets
 * @param settings     how findings are judged: strictness, known metrics, the runbook annotation
 * @param compileOptions how the specs are compiled (must match how the committed output was compiled)
 * @param ruleOutput   how the rules are named and packaged (as for the committed output)
 * @param prometheus   the Prometheus the output is for: what the specs are compiled for (as the committed output
 *                     was) and whose semantics the rule tests run with
 * @param driftIsError whether output that differs from the committed files fails the check (else: warnings)
 */
public record CheckOptions(List<CheckTarget> targets, List<Path> ruleFiles, List<Path> testFiles,
                           CheckSettings settings, CompileOptions compileOptions, RuleOutputSettings ruleOutput,
                           PrometheusTarget prometheus,
                           boolean driftIsError) {
    public CheckOptions {
        targets = List.copyOf(targets);
        ruleFiles = List.copyOf(ruleFiles);
        testFiles = List.copyOf(testFiles);
    }
}
