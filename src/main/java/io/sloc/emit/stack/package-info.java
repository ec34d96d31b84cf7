/**
 * The rest of the monitoring stack from the model: Prometheus's configuration, Alertmanager's routing with its
 * notification templates, and a compose file that runs both with Grafana, every generated file mounted read-only.
 *
 * <p>May import: emit, emit.grafana (provisioning paths), model.
 */
package io.sloc.emit.stack;
