package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.io.PrintWriter;

/**
 * {@code file:line:col: error: message [check]} per finding (the form terminals and editors turn into links),
 * continuation lines indented, then the {@link Summary} line.
 */
final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String GREEN = "\u001b[1;32m";

    private final boolean colour;

    TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(CheckReport report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            String[] lines = d.message().split("\n", -1);
            String severity = d.severity() == Severity.ERROR ? paint(RED, "error") : paint(YELLOW, "warning");
            out.println(paint(BOLD, d.location().toString()) + ": " + severity + ": " + lines[0] + " "
                    + paint(DIM, "[" + d.check() + "]"));
            for (int i = 1; i < lines.length; i++) {
                out.println("    " + lines[i]);
            }
        }
        out.println("sloc check: " + paint(report.passed() ? GREEN : RED, Summary.verdict(report))
                + Summary.details(report));
        out.flush();
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
