/**
 * PromQL values: labels, samples, vectors, matrices, scalars and strings.
 *
 * <p>May import: golang.
 */
package io.sloc.promql.value;
