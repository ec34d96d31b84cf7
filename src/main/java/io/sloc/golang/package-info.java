/**
 * Go emulation, one sub-package per Go package it follows, so that sloc's output matches promtool's byte for byte:
 * {@code fmt}, {@code strconv}, {@code math}, {@code sort}, {@code regexp}, {@code strings}, {@code time}, {@code
 * path/filepath} and go-yaml. Each class names the Go package (and version) it ports. This package holds {@link
 * io.sloc.golang.GoError}, Go's error value.
 *
 * <p>May import: nothing from io.sloc outside golang; everything may
 * import it.
 */
package io.sloc.golang;
