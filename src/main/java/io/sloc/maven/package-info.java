/**
 * The Maven goals {@code sloc:compile}, {@code sloc:test} and {@code sloc:check}: thin mojos over the same {@code
 * io.sloc.pipeline} use cases as the CLI, mapping outcomes to Maven's (bad input: MojoExecutionException, failed
 * check: MojoFailureException).
 *
 * <p>May import: pipeline, check, compiler (options), model, diag. Nothing imports
 * it.
 */
package io.sloc.maven;
