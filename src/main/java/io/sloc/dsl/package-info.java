/**
 * The SLO DSL front end: the ANTLR parser of {@code grammar/SloSpec.g4} turned into the immutable AST of {@code
 * io.sloc.dsl.ast}, syntax errors reported as one located message.
 *
 * <p>May import: dsl.ast, diag, the generated
 * dsl.antlr classes.
 */
package io.sloc.dsl;
