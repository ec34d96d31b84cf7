/**
 * Prometheus rule files: loaded and validated exactly as {@code promtool check rules} does, into an immutable model
 * of groups and rules with parsed expressions.
 *
 * <p>May import: promql, template, diag, golang.
 */
package io.sloc.rules;
