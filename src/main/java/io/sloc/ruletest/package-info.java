/**
 * The {@code promtool test rules} runner of Prometheus 2.42 or 3.14 ({@code PromtoolVersion} holds
 * what differs): test-file parsing, input series, the evaluation loop with promtool's execution model, alert and
 * PromQL checks, promtool's exact messages and (3.x) its JUnit report, diff and debug output.
 *
 * <p>May import: rules, template, promql,
 * diag, golang.
 */
package io.sloc.ruletest;
