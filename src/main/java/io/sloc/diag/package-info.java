/**
 * Located diagnostics: {@link io.sloc.diag.SourceLocation} (file, line, column), severities and the bad-input
 * exception every layer throws for input it rejects.
 *
 * <p>May import: nothing from io.sloc; every layer but golang
 * imports it.
 */
package io.sloc.diag;
