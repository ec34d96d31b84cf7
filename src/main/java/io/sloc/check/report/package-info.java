/**
 * Renderers of a check report: text, JSON, GitHub workflow commands and JUnit XML.
 *
 * <p>May import: check, ruletest
 * (its JUnit writer), diag.
 */
package io.sloc.check.report;
