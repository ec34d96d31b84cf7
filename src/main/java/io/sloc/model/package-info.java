/**
 * The compiled SLO model: immutable, validated, and independent of the DSL's syntax. Every emitter (rule files,
 * runbooks, Grafana dashboards, generated rule tests) reads only this model. Maps are sorted by key, lists are
 * in spec order, optional values are {@link java.util.Optional}.
 *
 * <p>May import: diag, promql.ast (parsed embedded queries), promql.value (native histograms' bucket bounds).
 */
package io.sloc.model;
