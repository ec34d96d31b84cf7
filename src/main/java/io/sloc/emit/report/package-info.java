/**
 * {@code sloc report}: a static HTML page per spec showing what each SLO's burn-rate policy does, with the SRE
 * workbook's table and inline SVG charts of simulated incidents, all computed by emit.behaviour's
 * {@link io.sloc.emit.behaviour.AlertTimeline}. Charts are written by a small SVG writer of our own: a few lines,
 * thresholds and bands need no charting library, and the page stays free of scripts and of dependencies.
 *
 * <p>May import: emit, emit.behaviour, emit.rules (the naming the report simulates), model, promql (Durations, the target's PromqlProfile).
 */
package io.sloc.emit.report;
