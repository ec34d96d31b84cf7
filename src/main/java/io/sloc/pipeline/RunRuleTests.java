package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.ruletest.FileReport;
import io.sloc.ruletest.RuleTestJUnitReport;
import io.sloc.ruletest.RuleTestRunner;
import io.sloc.promql.PromqlProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rule-test use case behind {@code sloc test}: promtool-format test files run with promtool's output on
 * {@code out}/{@code err}, optionally a JUnit report, and promtool's exit code.
 */
public final class RunRuleTests {
    private RunRuleTests() {
    }

    /**
     * What to run.
     *
     * @param files      the test files, as named on the command line
     * @param run        only test groups whose name matches this regex (unanchored)
     * @param junit      where to write a JUnit XML report
     * @param maxSamples the per-query sample limit (empty: none)
     */
    public record Request(List<String> files, Optional<String> run, Optional<Path> junit,
                          Optional<Integer> maxSamples) {
        public Request {
            files = List.copyOf(files);
        }
    }

    /**
     * @return promtool's exit code: 0 when every file passed, 1 otherwise
     * @throws BadInputException for a bad option or a missing test file
     */
    public static int run(Request request, PrintWriter out, PrintWriter err) {
        Pattern runPattern = request.run().map(RunRuleTests::compile).orElse(null);
        int maxSamples = request.maxSamples().orElse(0);
        if (request.maxSamples().isPresent() && maxSamples < 1) {
            throw new BadInputException(new SourceLocation("--max-samples", 0, 0), "must be at least 1");
        }
        for (String f : request.files()) {
            if (!Files.isRegularFile(Path.of(f))) {
                throw new BadInputException(new SourceLocation(f, 0, 0),
                        "no such test file (give existing rule test files)");
            }
        }
        RuleTestRunner.Options options = new RuleTestRunner.Options(maxSamples, runPattern, PromqlProfile.V2_42);
        List<FileReport> reports = new RuleTestRunner(options, Path.of(""), out, err).run(request.files());
        if (request.junit().isPresent()) {
            try {
                RuleTestJUnitReport.write(request.junit().get(), reports);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RuleTestRunner.exitCode(reports);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(new SourceLocation("--run", 0, 0),
                    "invalid regular expression: " + e.getDescription());
        }
    }
}
