/**
 * The PromQL parser (ANTLR grammars {@code PromQLLexer.g4}/{@code PromQLParser.g4}) with Prometheus's type checks
 * and error texts, the printer, and the series-description notation of test files.
 *
 * <p>May import: promql,
 * promql.ast, diag, golang, the generated promql.antlr classes.
 */
package io.sloc.promql.parser;
