/**
 * The SLO spec AST: immutable records, one per construct of {@code grammar/SloSpec.g4}, each with the
 * {@link io.sloc.diag.SourceLocation} of its first token. Field values are kept as written (token text) and
 * are interpreted by {@code io.sloc.compiler}; optional fields are {@code null} when absent, lists are never null.
 *
 * <p>May import: diag.
 */
package io.sloc.dsl.ast;
