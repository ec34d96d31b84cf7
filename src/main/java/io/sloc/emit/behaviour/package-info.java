/**
 * Generated alert-behaviour tests (promtool format): synthetic traffic per scenario, the expected alert timeline
 * computed from the policy and the target Prometheus's range windows, and the test files that check the generated
 * rules against it.
 *
 * <p>May import: emit,
 * emit.rules, model, promql (ast, durations, the target's PromqlProfile), golang.
 */
package io.sloc.emit.behaviour;
