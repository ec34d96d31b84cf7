/**
 * The semantic rules over the parsed specs, one class each (graphql-java's validation rules as the model): an error
 * stops the compile with one located message, warnings are collected. Also what the rules and the model builder
 * share: spec lookups, value parsing, defaults, embedded PromQL.
 *
 * <p>May import: dsl.ast, model, promql (parser,
 * ast), diag.
 */
package io.sloc.compiler.validation;
