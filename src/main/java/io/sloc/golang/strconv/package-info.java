/**
 * Go's {@code strconv} (Go 1.19): FormatFloat, Quote and the parsing functions with Go's syntax and error texts.
 *
 * <p>May import: nothing from io.sloc.
 */
package io.sloc.golang.strconv;
