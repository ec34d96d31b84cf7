/**
 * Go's {@code path/filepath} (Go 1.19, Prometheus 2.42's toolchain): Join, Clean, Dir and Glob on slash-separated
 * paths.
 *
 * <p>May import: nothing from io.sloc.
 */
package io.sloc.golang.filepath;
