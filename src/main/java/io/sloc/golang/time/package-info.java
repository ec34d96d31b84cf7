/**
 * Go's {@code time} (Go 1.19): {@code Duration.String()} and a UTC {@code time.Time} with its layouts. <p>May
 * import: golang.fmt.
 */
package io.sloc.golang.time;
