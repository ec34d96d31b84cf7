/**
 * Go's {@code text/template} with Prometheus's template functions, for alert labels and annotations.
 *
 * <p>May import:
 * promql (durations), golang.
 */
package io.sloc.template;
