/**
 * The canonical spec printer behind {@code sloc fmt}: prints a spec AST (parsed, or built by an importer without
 * source text) in one layout, with the comments of the source (or an importer's) reattached to the statements they
 * belong to.
 *
 * <p>May import: dsl, dsl.ast, diag, the generated dsl.antlr classes.
 */
package io.sloc.dsl.format;
