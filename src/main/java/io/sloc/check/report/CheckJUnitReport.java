package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Stage;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.FileFailure;
import io.sloc.diag.Severity;
import io.sloc.ruletest.FileReport;
import io.sloc.ruletest.RuleTestJUnitReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --junit FILE} report of {@code sloc check}, written by the rule-test runner's JUnit writer so that
 * both commands produce the same XML: one test suite per stage, one test case per checked file, failing with
 * its errors (warnings do not fail a case and are left out).
 */
public final class CheckJUnitReport {
    private CheckJUnitReport() {
    }

    public static void write(CheckReport report, Path file) {
        List<FileReport> suites = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<FileReport.GroupReport> cases = new ArrayList<>();
            for (CheckedFile checked : report.files()) {
                if (checked.stage() == stage) {
                    List<String> errors = checked.diagnostics().stream()
                            .filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).toList();
                    cases.add(new FileReport.GroupReport(cases.size(), checked.path(), 0, errors, 0));
                }
            }
            if (!cases.isEmpty()) {
                suites.add(new FileReport("sloc check: " + stage.label(), List.of(), 0, cases));
            }
        }
        try {
            RuleTestJUnitReport.write(file, suites);
        } catch (IOException e) {
            throw FileFailure.of(file, "write the JUnit report", e);
        }
    }
}
