/**
 * Prometheus recording and alerting rules from the model: the naming contract ({@link
 * io.sloc.emit.rules.RuleNames}), the SLI queries, the multiwindow burn-rate alerts and the YAML writer of the
 * generated rule files.
 *
 * <p>May import: emit, model, promql.ast, golang.
 */
package io.sloc.emit.rules;
