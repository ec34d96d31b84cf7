/**
 * Go's {@code strings} functions that Prometheus's templates call (case mapping, title casing) and {@code
 * net.SplitHostPort}'s rules.
 *
 * <p>May import: nothing from io.sloc.
 */
package io.sloc.golang.strings;
