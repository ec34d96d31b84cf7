package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.Progress;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import io.sloc.golang.regexp.Re2;
import io.sloc.promql.PromqlProfile;
import io.sloc.ruletest.FileReport;
import io.sloc.ruletest.PromtoolFeatures;
import io.sloc.ruletest.PromtoolJUnitXml;
import io.sloc.ruletest.RuleTestJUnitReport;
import io.sloc.ruletest.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rule-test use case behind {@code sloc test}: promtool-format test files run with the chosen promtool version's
 * output on {@code out}/{@code err}, optionally a JUnit report, and promtool's exit code.
 */
public final class RunRuleTests {
    private RunRuleTests() {
    }

    /**
     * What to run.
     *
     * @param files               the test files, as named on the command line
     * @param run                 only test groups whose name matches one of these regexes (unanchored); empty: all
     * @param junit               where to write a JUnit XML report
     * @param maxSamples          the per-query sample limit (empty: none)
     * @param prometheus          the Prometheus version whose promtool to reproduce
     * @param features            promtool's {@code --enable-feature} values, each comma-separated names
     * @param ignoreUnknownFields accept unknown fields in rule files
     * @param diff                report failing alert checks as a JSON diff
     * @param debug               print promtool's test debugging lines
     * @param jobs                how many files to run at once (the output is the same)
     */
    public record Request(List<String> files, List<String> run, Optional<Path> junit, Optional<Integer> maxSamples,
                          PrometheusTarget prometheus, List<String> features, boolean ignoreUnknownFields, boolean diff,
                          boolean debug, int jobs) {
        public Request {
            files = List.copyOf(files);
            run = List.copyOf(run);
            features = List.copyOf(features);
        }
    }

    /**
     * Runs from the process's working directory, as {@code sloc test} does.
     *
     * @return promtool's exit code: 0 when every file passed, 1 otherwise
     * @throws BadInputException for a bad option
     */
    public static int run(Request request, PrintWriter out, PrintWriter err) {
        return run(request, out, err, Progress.NONE);
    }

    /** {@link #run(Request, PrintWriter, PrintWriter)}, telling {@code progress} how far the files are. */
    public static int run(Request request, PrintWriter out, PrintWriter err, Progress progress) {
        return run(request, Path.of(""), out, err, progress);
    }

    /**
     * Runs as if started in {@code workingDir}: the test files are named relative to it and printed as named.
     *
     * @return promtool's exit code: 0 when every file passed, 1 otherwise
     * @throws BadInputException for a bad option
     */
    public static int run(Request request, Path workingDir, PrintWriter out, PrintWriter err) {
        return run(request, workingDir, out, err, Progress.NONE);
    }

    private static int run(Request request, Path workingDir, PrintWriter out, PrintWriter err, Progress progress) {
        PromqlProfile profile = request.prometheus().profile();
        Pattern runPattern = request.run().isEmpty() ? null
                : compile(String.join("|", request.run()), profile.isPrometheus3());
        int maxSamples = request.maxSamples().orElse(0);
        if (request.maxSamples().isPresent() && maxSamples < 1) {
            throw new BadInputException(new SourceLocation("--max-samples", 0, 0), "must be at least 1");
        }
        if (request.jobs() < 1) {
            throw new BadInputException(new SourceLocation("--jobs", 0, 0), "must be at least 1");
        }
        Optional<String> argumentError = TestFileArguments.firstError(workingDir, request.files());
        if (argumentError.isPresent()) {
            err.println("promtool: error: " + argumentError.get() + ", try --help");
            return 1;
        }
        PromtoolFeatures features = PromtoolFeatures.of(profile, request.features());
        features.warnings().forEach(out::print);
        RuleTestRunner.Options options = new RuleTestRunner.Options(maxSamples, runPattern, features.profile(),
                request.ignoreUnknownFields(), request.diff(), request.debug());
        List<FileReport> reports = new RuleTestRunner(options, workingDir, out, err, Clock.systemDefaultZone(),
                progress).run(request.files(), request.jobs());
        if (request.junit().isPresent()) {
            try {
                writeJUnit(request.junit().get(), profile, reports);
            } catch (IOException e) {
                throw FileFailure.of(request.junit().get(), "write the JUnit report", e);
            }
        }
        return RuleTestRunner.exitCode(reports);
    }

    /** promtool 3.x's own report format; for 2.42, which had none, sloc's. */
    private static void writeJUnit(Path file, PromqlProfile profile, List<FileReport> reports) throws IOException {
        if (!profile.isPrometheus3()) {
            RuleTestJUnitReport.write(file, reports);
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, PromtoolJUnitXml.render(reports), StandardCharsets.UTF_8);
    }

    /** promtool 3.x matches group names with Go's RE2 syntax; sloc's --run for 2.42 has always been Java's. */
    private static Pattern compile(String regex, boolean re2) {
        try {
            return re2 ? Re2.compile(regex).pattern() : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(new SourceLocation("--run", 0, 0),
                    "invalid regular expression: " + e.getDescription());
        }
    }
}
