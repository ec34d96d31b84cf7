package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule-test file of the corpus (src/test/resources/ruletest/corpus) and promtool 2.42's own fixtures
 * under the real promtool and under sloc in-process: exit code, stdout and stderr must be identical.
 *
 * <p>promtool is not deterministic for a few outputs (the order of series in a many-to-many error depends on Go map
 * order, spec section 6), so when sloc differs from a promtool run, promtool is asked again a few times and sloc
 * must match one of the outputs promtool actually produces.
 */
class PromtoolDifferentialTest {
    private static final int PROMTOOL_RETRIES = 20;

    record Outcome(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Path corpusDir() {
        return Shared.projectDir().resolve("src/test/resources/ruletest/corpus");
    }

    static List<String> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(corpusDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".test.yml")).sorted()
                    .toList();
        }
    }

    @Test
    void corpusHasAtLeastFortyTestFiles() throws IOException {
        assertThat(corpusFiles()).hasSizeGreaterThanOrEqualTo(40);
    }

    @TestFactory
    Stream<DynamicTest> corpusBehavesLikePromtool() throws IOException {
        Path dir = corpusDir();
        return corpusFiles().stream().map(f -> DynamicTest.dynamicTest(f, () -> assertSameAsPromtool(dir, f)));
    }

    @TestFactory
    Stream<DynamicTest> promtoolFixturesBehaveLikePromtool() {
        Path dir = Shared.require("conformance/prometheus-2.42/promtool");
        Map<String, Integer> expectedExit = Map.of("unittest.yml", 0, "at-modifier-test.yml", 0, "failing.yml", 1,
                "bad-input-series.yml", 1, "bad-promql.yml", 1, "bad-rules-error-test.yml", 1,
                "bad-rules-syntax-test.yml", 1);
        return expectedExit.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    Outcome sloc = assertSameAsPromtool(dir, e.getKey());
                    assertThat(sloc.exitCode()).isEqualTo(e.getValue());
                }));
    }

    @Test
    void severalFilesInOneRunReportLikePromtool() throws IOException {
        assertSameAsPromtool(corpusDir(), "notation.test.yml", "yaml-syntax.test.yml", "alerts.test.yml");
    }

    static Outcome assertSameAsPromtool(Path dir, String... files) {
        Outcome sloc = runSloc(dir, files);
        List<Outcome> seen = new ArrayList<>();
        for (int i = 0; i < PROMTOOL_RETRIES; i++) {
            Outcome promtool = runPromtool(dir, files);
            if (promtool.equals(sloc)) {
                return sloc;
            }
            seen.add(promtool);
        }
        assertThat(sloc.toString()).as("sloc vs promtool for %s", List.of(files)).isEqualTo(seen.get(0).toString());
        return sloc;
    }

    /** Whether promtool, run once, gives exactly this outcome. */
    static boolean promtoolAgrees(Path dir, Outcome sloc, String... files) {
        return runPromtool(dir, files).equals(sloc);
    }

    static Outcome runSloc(Path dir, String... files) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<FileReport> reports;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            reports = new RuleTestRunner(new RuleTestRunner.Options(10_000, null, PromqlProfile.V2_42), dir, o, e).run(List.of(files));
        }
        return new Outcome(RuleTestRunner.exitCode(reports), out.toString(), err.toString());
    }

    static Outcome runPromtool(Path dir, String... files) {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "test", "rules"));
        command.addAll(List.of(files));
        PrometheusTools.Result r = PrometheusTools.run(dir, 120, command);
        return new Outcome(r.exitCode(), r.stdout(), r.stderr());
    }
}
