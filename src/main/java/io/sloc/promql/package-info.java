/**
 * PromQL: Prometheus's duration syntax here, the language in the sub-packages (ast, parser, value, storage,
 * engine), laid out like Prometheus's own promql package.
 *
 * <p>May import: golang (sub-packages: diag too).
 */
package io.sloc.promql;
