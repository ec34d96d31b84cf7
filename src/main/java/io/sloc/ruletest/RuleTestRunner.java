package io.sloc.ruletest;

import io.sloc.golang.filepath.GoPaths;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileException;
import io.sloc.rules.RuleFileLoader;
import io.sloc.rules.RuleGroup;
import io.sloc.promql.PromqlProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code promtool test rules} (Prometheus 2.42): runs rule-test files and prints promtool's report, successes and
 * blank lines on stdout, failures on stderr, character for character.
 */
public final class RuleTestRunner {
    private static final long DEFAULT_EVALUATION_INTERVAL_MS = 60_000;

    /**
     * @param maxSamples per-query sample limit; promtool's is 10000, 0 means none
     * @param run        only test groups whose name this regex finds a match in; null runs all
     * @param profile    the Prometheus version whose promtool the run reproduces
     */
    public record Options(int maxSamples, Pattern run, PromqlProfile profile) {
        public static Options defaults() {
            return new Options(0, null, PromqlProfile.V2_42);
        }
    }

    private final Options options;
    private final Path workingDir;
    private final PrintWriter out;
    private final PrintWriter err;

    /** {@code workingDir} resolves relative file names, which messages show as given (like promtool's cwd). */
    public RuleTestRunner(Options options, Path workingDir, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.workingDir = workingDir;
        this.out = out;
        this.err = err;
    }

    /** Runs every file in order and prints the report; the reports, for a JUnit file or other summaries. */
    public List<FileReport> run(List<String> files) {
        List<FileReport> reports = new ArrayList<>();
        for (String file : files) {
            FileReport report = runFile(file);
            List<String> errors = report.errors();
            if (report.failed()) {
                err.println("  FAILED:");
                for (String e : errors) {
                    err.println(e);
                    err.flush();
                    out.println();
                }
            } else {
                out.println("  SUCCESS");
            }
            out.println();
            out.flush();
            err.flush();
            reports.add(report);
        }
        return reports;
    }

    /** promtool's exit status for a set of reports: 0 when all passed, 1 otherwise. */
    public static int exitCode(List<FileReport> reports) {
        return reports.stream().anyMatch(FileReport::failed) ? 1 : 0;
    }

    private FileReport runFile(String file) {
        out.println("Unit Testing:  " + file);
        out.flush();
        UnitTestFile test;
        try {
            test = TestFileParser.parse(Files.readString(workingDir.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new FileReport(file, List.of(ioMessage(file, e)), 0, List.of());
        } catch (GoYaml.YamlError e) {
            return new FileReport(file, List.of(e.getMessage()), e.line(), List.of());
        }
        List<String> ruleFiles;
        try {
            ruleFiles = resolveRuleFiles(GoPaths.dir(file), test.ruleFiles());
        } catch (GoPaths.BadPatternException e) {
            return new FileReport(file, List.of(e.getMessage()), 0, List.of());
        }
        long evalInterval = test.evaluationIntervalMs() == 0
                ? DEFAULT_EVALUATION_INTERVAL_MS : test.evaluationIntervalMs();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < test.groupEvalOrder().size(); i++) {
            String name = test.groupEvalOrder().get(i);
            if (order.putIfAbsent(name, i) != null) {
                return new FileReport(file, List.of("group name repeated in evaluation order: " + name), 0,
                        List.of());
            }
        }
        LoadedRules rules = null;
        List<FileReport.GroupReport> groups = new ArrayList<>();
        for (int i = 0; i < test.tests().size(); i++) {
            TestGroup group = test.tests().get(i);
            if (options.run() != null && !options.run().matcher(group.name()).find()) {
                continue;
            }
            if (rules == null) {
                rules = loadRules(ruleFiles, order);
            }
            long start = System.nanoTime();
            List<String> errors;
            try {
                errors = TestGroupRun.run(group, rules, evalInterval, options.maxSamples());
            } catch (RuntimeException | StackOverflowError e) {
                // A defect of sloc, not of the test: fail the group with a message instead of a stack trace.
                errors = List.of("internal error in sloc (please report): " + e);
            }
            groups.add(new FileReport.GroupReport(i, group.name(), group.line(), errors, System.nanoTime() - start));
        }
        return new FileReport(file, List.of(), 0, groups);
    }

    /** Joins relative patterns to the test file's directory and globs them, warning about patterns that match nothing. */
    private List<String> resolveRuleFiles(String baseDir, List<String> patterns) throws GoPaths.BadPatternException {
        List<String> files = new ArrayList<>();
        for (String p : patterns) {
            String pattern = !p.isEmpty() && !GoPaths.isAbs(p) ? GoPaths.join(baseDir, p) : p;
            List<String> matches = GoPaths.glob(pattern, workingDir);
            if (matches.isEmpty()) {
                err.println("  WARNING: no file match pattern " + pattern);
                err.flush();
            }
            files.addAll(matches);
        }
        return files;
    }

    /**
     * Loads the rule files (stopping at the first broken one, as rules.Manager.LoadGroups does) and orders their
     * groups: by position in group_eval_order, unlisted groups counting as position 0. promtool leaves ties in
     * random order; here they keep file order.
     */
    private LoadedRules loadRules(List<String> files, Map<String, Integer> order) {
        Map<String, RuleGroup> byKey = new LinkedHashMap<>();
        for (String file : files) {
            RuleFile rules;
            try {
                rules = RuleFileLoader.load(workingDir.resolve(file), file);
            } catch (RuleFileException e) {
                return new LoadedRules(List.of(), e.errors());
            }
            for (RuleGroup g : rules.groups()) {
                byKey.put(file + ";" + g.name(), g);
            }
        }
        List<RuleGroup> groups = new ArrayList<>(byKey.values());
        groups.sort(Comparator.comparingInt(g -> order.getOrDefault(g.name(), 0)));
        return new LoadedRules(groups, List.of());
    }

    /** Go's wording for the common case; the CLI only passes existing regular files anyway. */
    private static String ioMessage(String file, IOException e) {
        return e instanceof NoSuchFileException ? "open " + file + ": no such file or directory" : e.toString();
    }
}
