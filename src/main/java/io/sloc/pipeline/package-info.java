/**
 * The application layer: compile, test and check as plain use cases ({@link io.sloc.pipeline.CompileSpecs}, {@link
 * io.sloc.pipeline.RunRuleTests}, {@link io.sloc.pipeline.CheckProject}) that both the CLI and the mojos call. Side
 * effects live here, at the edge: reading spec files, writing the output directory atomically, scanning directories
 * for rule files and tests, reading a repository's {@code .sloc.yml} and saved metric scrapes for
 * {@link io.sloc.pipeline.CheckSettings}.
 *
 * <p>May import: everything below it (check, emit.*, compiler, dsl, model, ruletest,
 * rules, promql, diag, golang); only cli and maven import it.
 */
package io.sloc.pipeline;
