/**
 * What {@code sloc check} reports: findings per checked file and stage ({@link io.sloc.check.CheckReport}), and the
 * lint stage over loaded rule files and compiled specs.
 *
 * <p>May import: check.lint, rules, model, promql, diag;
 * imported by pipeline, cli and maven (reports).
 */
package io.sloc.check;
