/**
 * Go's {@code fmt} (Go 1.19): Sprintf, Sprint and Sprintln over Java values standing for Go values.
 *
 * <p>May import:
 * golang.strconv.
 */
package io.sloc.golang.fmt;
