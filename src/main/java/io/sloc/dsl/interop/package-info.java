/**
 * Readers for SLOs written for other tools: Sloth ({@code prometheus/v1} files and {@code PrometheusServiceLevel}
 * objects), OpenSLO ({@code v1}, {@code v1alpha}) and Pyrra ({@code ServiceLevelObjective}). Each turns a YAML file
 * into the same immutable AST the {@code .slo} parser builds, located in the YAML file, so everything downstream is
 * unchanged; what sloc cannot express is one located error naming the field.
 *
 * <p>May import: dsl.ast, diag, SnakeYAML's node tree.
 */
package io.sloc.dsl.interop;
