/**
 * The compiled SLO model: immutable, validated, and independent of the DSL's syntax. Every emitter (rule files,
 * runbooks, Grafana dashboards, generated rule tests) reads only this model. Maps are sorted by key, lists are
 * in spec order, optional values are {@link java.util.Optional}.
 */
package io.sloc.model;
