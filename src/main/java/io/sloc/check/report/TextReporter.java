package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Stage;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file:line:col: error: message [check]} per finding (the form terminals and editors turn into links),
 * continuation lines indented, then one summary line.
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
    public void write(CheckReport report, boolean passed, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            String[] lines = d.message().split("\n", -1);
            String severity = d.severity() == Severity.ERROR ? paint(RED, "error") : paint(YELLOW, "warning");
            out.println(paint(BOLD, d.location().toString()) + ": " + severity + ": " + lines[0] + " "
                    + paint(DIM, "[" + d.check() + "]"));
            for (int i = 1; i < lines.length; i++) {
                out.println("    " + lines[i]);
            }
        }
        out.println(summary(report, passed));
        out.flush();
    }

    private String summary(CheckReport report, boolean passed) {
        String verdict = passed ? paint(GREEN, "OK") : paint(RED, "FAILED");
        return "sloc check: " + verdict + ": " + plural(report.count(Severity.ERROR), "error") + ", "
                + plural(report.count(Severity.WARNING), "warning") + " (" + checkedCounts(report) + ")";
    }

    private static String checkedCounts(CheckReport report) {
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        for (CheckedFile file : report.files()) {
            counts.merge(file.stage(), 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return "nothing to check";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((stage, n) -> parts.add(stage.label() + ": " + n));
        return String.join(", ", parts);
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
