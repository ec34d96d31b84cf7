/**
 * The lints, one class per check with a stable id ({@code runbook-url}, {@code unrecorded-metric}, ...), over the
 * loaded rule files and the compiled SLO model.
 *
 * <p>May import: rules, model, promql, diag, golang.
 */
package io.sloc.check.lint;
