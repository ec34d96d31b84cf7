/**
 * The immutable PromQL AST with positions, value types, function signatures and AST walks.
 *
 * <p>May import: golang.
 */
package io.sloc.promql.ast;
