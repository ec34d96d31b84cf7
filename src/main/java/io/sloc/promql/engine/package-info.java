/**
 * The PromQL evaluator: instant and range evaluation, the function implementations (kept in sync with the parser's
 * signature table by a test).
 *
 * <p>May import: promql (the version profile), promql.ast, promql.value, promql.storage,
 * golang.
 */
package io.sloc.promql.engine;
