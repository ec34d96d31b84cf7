/**
 * A small typed model of Grafana's classic dashboard JSON (schemaVersion 42, Grafana 12.3), covering only what sloc
 * generates. Records serialize with Jackson through {@link io.sloc.emit.grafana.DashboardJson}: absent optional fields
 * are {@code null} and left out, keys are written in alphabetical order (as Grafana's own export does).
 *
 * <p>May import: model (panel types).
 */
package io.sloc.emit.grafana.model;
