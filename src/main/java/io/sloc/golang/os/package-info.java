/**
 * Go's {@code os} errors: how a Go program (promtool) words a file it cannot open.
 *
 * <p>May import: nothing from io.sloc.
 */
package io.sloc.golang.os;
