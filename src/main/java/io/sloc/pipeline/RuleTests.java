package io.sloc.pipeline;

import io.sloc.diag.Progress;
import io.sloc.check.CheckedFile;
import io.sloc.check.Stage;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.golang.yaml.GoYamlReader;
import io.sloc.ruletest.FileReport;
import io.sloc.ruletest.RuleTestRunner;
import io.sloc.ruletest.TestFileParser;
import io.sloc.ruletest.TestGroup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The test stage: runs promtool-format rule tests with {@link RuleTestRunner} (what {@code sloc test} runs), with
 * the semantics of the target Prometheus, and turns each failure into a finding at the failing test group, with
 * promtool's message.
 */
public final class RuleTests {
    private RuleTests() {
    }

    public static List<CheckedFile> run(List<Path> testFiles, PrometheusTarget target) {
        return run(testFiles, target, Progress.NONE);
    }

    /** {@link #run(List, PrometheusTarget)}, telling {@code progress} how far the files are. */
    public static List<CheckedFile> run(List<Path> testFiles, PrometheusTarget target, Progress progress) {
        if (testFiles.isEmpty()) {
            return List.of();
        }
        // The runner prints promtool's report; the findings carry the same messages, so it is not shown twice.
        PrintWriter discard = new PrintWriter(new StringWriter());
        RuleTestRunner.Options options = new RuleTestRunner.Options(0, null, target.profile());
        List<FileReport> reports = new RuleTestRunner(options, Path.of(""), discard, discard,
                Clock.systemDefaultZone(), progress).run(testFiles.stream().map(Path::toString).toList(), Runtime.getRuntime().availableProcessors());
        List<CheckedFile> files = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            files.add(checked(testFiles.get(i), reports.get(i)));
        }
        return files;
    }

    private static CheckedFile checked(Path file, FileReport report) {
        String path = file.toString();
        List<Diagnostic> found = new ArrayList<>();
        for (String error : report.fileErrors()) {
            found.add(Diagnostic.error("rule-test", new SourceLocation(path, 0, 0), error.strip()));
        }
        List<TestGroup> groups = report.groups().stream().anyMatch(FileReport.GroupReport::failed)
                ? groupsOf(file) : List.of();
        for (FileReport.GroupReport group : report.groups()) {
            int line = group.index() < groups.size() ? groups.get(group.index()).line() : 0;
            SourceLocation at = new SourceLocation(path, line, line > 0 ? 1 : 0);
            String name = group.name().isEmpty() ? "tests[" + group.index() + "]" : group.name();
            for (String error : group.errors()) {
                found.add(Diagnostic.error("rule-test", at, "rule test " + name + " failed:\n" + error.strip()));
            }
        }
        return new CheckedFile(Stage.TEST, path, found);
    }

    /** The test groups with their lines (none if the file can no longer be read: the findings stay unlocated). */
    private static List<TestGroup> groupsOf(Path file) {
        try {
            return TestFileParser.parse(GoYamlReader.decode(Files.readAllBytes(file))).tests();
        } catch (IOException | GoYaml.YamlError e) {
            return List.of();
        }
    }
}
