/**
 * Go's {@code regexp} (RE2 syntax, Go 1.19) translated to java.util.regex with Go's meaning and error texts, and
 * the template-facing Regexp API.
 *
 * <p>May import: golang, golang.strconv.
 */
package io.sloc.golang.regexp;
