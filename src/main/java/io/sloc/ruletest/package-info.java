/**
 * The {@code promtool test rules} runner: test-file parsing, input series, the evaluation loop with promtool's
 * execution model, alert and PromQL checks, and promtool's exact messages.
 *
 * <p>May import: rules, template, promql,
 * diag, golang.
 */
package io.sloc.ruletest;
