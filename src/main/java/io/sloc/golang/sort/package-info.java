/**
 * Go's {@code sort.Sort} and {@code container/heap} (Go 1.19), for Prometheus's tie order.
 *
 * <p>May import: nothing
 * from io.sloc.
 */
package io.sloc.golang.sort;
