package io.sloc.ruletest;

import io.sloc.diag.Progress;
import io.sloc.golang.filepath.GoPaths;
import io.sloc.golang.os.GoPathError;
import io.sloc.golang.time.GoDuration;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.golang.yaml.GoYamlReader;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileException;
import io.sloc.rules.RuleFileLoader;
import io.sloc.rules.RuleGroup;
import io.sloc.promql.PromqlProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * {@code promtool test rules} of the profile's Prometheus version (2.42 or 3.x): runs rule-test files and prints
 * promtool's report, successes and blank lines on stdout, failures on stderr, character for character.
 */
public final class RuleTestRunner {
    private static final long DEFAULT_EVALUATION_INTERVAL_MS = 60_000;

    /**
     * @param maxSamples          per-query sample limit; promtool's is 10000, 0 means none
     * @param run                 only test groups whose name this regex finds a match in; null runs all
     * @param profile             the Prometheus version whose promtool the run reproduces
     * @param ignoreUnknownFields accept unknown fields in rule files (promtool 3.x's {@code --ignore-unknown-fields})
     * @param diff                report failing alert checks as a JSON diff (promtool 3.x's {@code --diff})
     * @param debug               print promtool 3.x's {@code --debug} lines and data dump on stderr
     */
    public record Options(int maxSamples, Pattern run, PromqlProfile profile, boolean ignoreUnknownFields,
                          boolean diff, boolean debug) {
        public Options(int maxSamples, Pattern run, PromqlProfile profile) {
            this(maxSamples, run, profile, false, false, false);
        }

        public static Options defaults() {
            return new Options(0, null, PromqlProfile.V2_42);
        }
    }

    private final Options options;
    private final PromtoolVersion promtool;
    private final Path workingDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final Progress progress;
    /** From how many steps a test group runs queries ahead on a second thread (see QueriesAhead). */
    private final int queriesAheadFromSteps;

    /** {@code workingDir} resolves relative file names, which messages show as given (like promtool's cwd). */
    public RuleTestRunner(Options options, Path workingDir, PrintWriter out, PrintWriter err) {
        this(options, workingDir, out, err, Clock.systemUTC());
    }

    /** {@code clock} dates the files' runs (promtool 3.x's JUnit timestamps). */
    public RuleTestRunner(Options options, Path workingDir, PrintWriter out, PrintWriter err, Clock clock) {
        this(options, workingDir, out, err, clock, Progress.NONE);
    }

    /** {@code progress} hears of each file done and of the simulated time of the groups under way. */
    public RuleTestRunner(Options options, Path workingDir, PrintWriter out, PrintWriter err, Clock clock,
                          Progress progress) {
        this(options, workingDir, out, err, clock, progress, QueriesAhead.MIN_STEPS);
    }

    private RuleTestRunner(Options options, Path workingDir, PrintWriter out, PrintWriter err, Clock clock,
                           Progress progress, int queriesAheadFromSteps) {
        this.options = options;
        this.promtool = new PromtoolVersion(options.profile());
        this.workingDir = workingDir;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.progress = progress;
        this.queriesAheadFromSteps = queriesAheadFromSteps;
    }

    /** This runner, running queries ahead in test groups of at least {@code steps} steps. */
    RuleTestRunner withQueriesAheadFrom(int steps) {
        return new RuleTestRunner(options, workingDir, out, err, clock, progress, steps);
    }

    /** Runs every file in order and prints the report; the reports, for a JUnit file or other summaries. */
    public List<FileReport> run(List<String> files) {
        return run(files, 1);
    }

    /**
     * Runs up to {@code threads} files at once, each printing to a {@link RecordedOutput} replayed in file order as
     * soon as the files before it are done: the output and reports are the sequential run's.
     */
    public List<FileReport> run(List<String> files, int threads) {
        TablesWarmUp.start(Runtime.getRuntime().availableProcessors());
        progress.start(files.size(), "files");
        try {
            return runAll(files, threads);
        } finally {
            progress.finish();
        }
    }

    private List<FileReport> runAll(List<String> files, int threads) {
        if (threads <= 1 || files.size() <= 1) {
            return files.stream().map(this::runAndPrint).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), runnable -> {
            Thread thread = new Thread(runnable, "sloc-test");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RecordedRun>> runs = new ArrayList<>();
            for (String file : files) {
                runs.add(pool.submit(() -> runAside(file)));
            }
            List<FileReport> reports = new ArrayList<>();
            for (Future<RecordedRun> run : runs) {
                reports.add(replay(run));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file's run aside: its report, or what it threw (rethrown after its output, as the sequential run would). */
    private record RecordedRun(RecordedOutput output, FileReport report, Throwable thrown) {
    }

    private RecordedRun runAside(String file) {
        RecordedOutput output = new RecordedOutput();
        // Files running in parallel keep the cores busy already: no queries run ahead.
        RuleTestRunner runner = new RuleTestRunner(options, workingDir, output.out(), output.err(), clock, progress,
                Integer.MAX_VALUE);
        try {
            return new RecordedRun(output, runner.runAndPrint(file), null);
        } catch (RuntimeException | Error e) {
            return new RecordedRun(output, null, e);
        }
    }

    private FileReport replay(Future<RecordedRun> pending) {
        RecordedRun run;
        try {
            run = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running rule tests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        progress.printing(() -> run.output().replay(out, err));
        if (run.thrown() instanceof RuntimeException e) {
            throw e;
        }
        if (run.thrown() instanceof Error e) {
            throw e;
        }
        return run.report();
    }

    private FileReport runAndPrint(String file) {
        FileReport report = runFile(file);
        progress.unitDone();
        progress.printing(() -> print(report));
        return report;
    }

    private void print(FileReport report) {
        if (report.failed()) {
            err.println("  FAILED:");
            for (String e : report.errors()) {
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
    }

    /** promtool's exit status for a set of reports: 0 when all passed, 1 otherwise. */
    public static int exitCode(List<FileReport> reports) {
        return reports.stream().anyMatch(FileReport::failed) ? 1 : 0;
    }

    private FileReport runFile(String file) {
        if (promtool.printsFileHeader()) {
            out.println("Unit Testing:  " + file);
            out.flush();
        }
        UnitTestFile test;
        try {
            test = TestFileParser.parse(GoYamlReader.decode(Files.readAllBytes(workingDir.resolve(file))),
                    options.profile());
        } catch (IOException e) {
            return FileReport.aborted(file, GoPathError.open(file, e), 0);
        } catch (GoYaml.YamlError e) {
            return FileReport.aborted(file, e.getMessage(), e.line());
        }
        List<String> ruleFiles;
        try {
            ruleFiles = resolveRuleFiles(GoPaths.dir(file), test.ruleFiles());
        } catch (GoPaths.BadPatternException e) {
            return FileReport.aborted(file, e.getMessage(), 0);
        }
        long evalInterval = test.evaluationIntervalMs() == 0
                ? DEFAULT_EVALUATION_INTERVAL_MS : test.evaluationIntervalMs();
        Optional<Instant> started = Optional.of(clock.instant());
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < test.groupEvalOrder().size(); i++) {
            String name = test.groupEvalOrder().get(i);
            if (order.putIfAbsent(name, i) != null) {
                return new FileReport(file, List.of("group name repeated in evaluation order: " + name), 0,
                        List.of(), started);
            }
        }
        GroupSettings settings = new GroupSettings(evalInterval, test.fuzzyCompare(), options, err, progress,
                queriesAheadFromSteps);
        LoadedRules rules = null;
        List<FileReport.GroupReport> groups = new ArrayList<>();
        for (int i = 0; i < test.tests().size(); i++) {
            TestGroup group = test.tests().get(i);
            if (options.run() != null && !options.run().matcher(group.name()).find()) {
                continue;
            }
            if (group.intervalMs() == 0 && promtool.intervalDefaultsToEvaluationInterval()) {
                group = group.withIntervalMs(evalInterval);
            }
            if (rules == null) {
                rules = loadRules(ruleFiles, order);
            }
            groups.add(runGroup(group, i, rules, settings));
        }
        return new FileReport(file, List.of(), 0, groups, started);
    }

    private FileReport.GroupReport runGroup(TestGroup group, int index, LoadedRules rules, GroupSettings settings) {
        String testName = FileReport.GroupReport.promtoolName(group.name(), index);
        if (options.debug()) {
            err.println("DEBUG: Starting test " + testName);
            err.flush();
        }
        long start = System.nanoTime();
        List<String> errors;
        try {
            errors = TestGroupRun.run(group, rules, settings);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of sloc, not of the test: fail the group with a message instead of a stack trace.
            errors = List.of("internal error in sloc (please report): " + e);
        }
        long took = System.nanoTime() - start;
        if (options.debug()) {
            err.println("DEBUG: Test " + testName + " finished, took " + GoDuration.formatNanos(took));
            err.flush();
        }
        return new FileReport.GroupReport(index, group.name(), group.line(), errors, took);
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
                rules = RuleFileLoader.load(workingDir.resolve(file), file, options.profile(),
                        options.ignoreUnknownFields());
            } catch (RuleFileException e) {
                return new LoadedRules(List.of(), e.errors());
            }
            for (RuleGroup g : rules.groups()) {
                byKey.put(file + ";" + g.name(), g);
            }
        }
        List<RuleGroup> groups = new ArrayList<>(byKey.values());
        // Not Comparator.comparingInt: its serializable lambda is spun at every start (the start-up cache skips it).
        groups.sort((a, b) -> Integer.compare(order.getOrDefault(a.name(), 0), order.getOrDefault(b.name(), 0)));
        return new LoadedRules(groups, List.of());
    }
}
