package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Stage;
import io.sloc.diag.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The line every report ends with, and the Maven goal logs: the verdict, then the findings counted by severity and
 * check, why warnings failed a strict check, and what was checked, e.g.
 * {@code OK: 0 errors, 2 warnings (runbook-url: 1, unrecorded-metric: 1); checked 3 rule files, 1 rule-test file}.
 */
public final class Summary {
    private Summary() {
    }

    public static String verdict(CheckReport report) {
        return report.passed() ? "OK" : "FAILED";
    }

    /** Everything after the verdict, starting with {@code ": "}. */
    public static String details(CheckReport report) {
        boolean failedByWarnings = !report.passed() && report.count(Severity.ERROR) == 0;
        return ": " + counted(report, Severity.ERROR, "error") + ", " + counted(report, Severity.WARNING, "warning")
                + (failedByWarnings ? ", which fail the check in strict mode" : "") + "; " + checked(report);
    }

    public static String line(CheckReport report) {
        return "sloc check: " + verdict(report) + details(report);
    }

    private static String counted(CheckReport report, Severity severity, String noun) {
        Map<String, Long> byCheck = report.countByCheck(severity);
        List<String> parts = new ArrayList<>();
        byCheck.forEach((check, n) -> parts.add(check + ": " + n));
        return plural(report.count(severity), noun) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    private static String checked(CheckReport report) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (CheckedFile file : report.files()) {
            counts.merge(file.stage(), 1L, Long::sum);
        }
        if (counts.isEmpty()) {
            return "nothing to check";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((stage, n) -> parts.add(plural(n, stage.input())));
        return "checked " + String.join(", ", parts);
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
