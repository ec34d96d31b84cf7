/**
 * Runbook Markdown files from the model's runbooks.
 *
 * <p>May import: emit, model.
 */
package io.sloc.emit.runbooks;
