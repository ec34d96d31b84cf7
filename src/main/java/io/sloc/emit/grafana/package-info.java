/**
 * Grafana dashboards and provisioning files from the model: a service dashboard per service and an overview,
 * reading only the recorded series of the naming contract.
 *
 * <p>May import: emit, emit.grafana.model, emit.rules
 * (names), model.
 */
package io.sloc.emit.grafana;
