/**
 * In-memory series storage for evaluation: primitive arrays per series, stale markers, sliding windows. <p>May
 * import: promql.ast, promql.value.
 */
package io.sloc.promql.storage;
