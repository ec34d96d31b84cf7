/**
 * Go's {@code math} (Go 1.19): Pow, the pure-Go trigonometric and hyperbolic functions, and the Kahan summation
 * Prometheus uses, bit for bit.
 *
 * <p>May import: nothing from io.sloc.
 */
package io.sloc.golang.math;
