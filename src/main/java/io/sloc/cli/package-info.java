/**
 * The {@code sloc} command line (picocli): parses arguments, calls one {@code io.sloc.pipeline} use case per
 * subcommand and prints through the command's writers; {@link io.sloc.cli.Main} is the one exception-to-exit-code
 * mapping (0 ok, 1 failed check or test, 2 bad input or usage, 70 internal error).
 *
 * <p>May import: pipeline, check
 * (report formats), compiler (options), model, diag. Nothing imports it.
 */
package io.sloc.cli;
