package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Public promtool test suites nobody here wrote (shared/real-suites/OWNER__REPO/, each with a SOURCE file naming
 * repository, commit, paths and licence): every test file runs from its own directory, as its repository's CI
 * runs it, under the real promtool 2.42 and under {@code sloc test --prometheus 2.42} in-process, and exit code,
 * stdout and stderr must be identical. promtool runs two files at a time while sloc works through the same list.
 * {@code -Dsloc.real.suites.dir=DIR} points at another tree of the same layout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSuitesDifferentialTest {
    private static final int PROMTOOL_PROCESSES = 2;
    /** Runs of promtool before a difference counts: a few outputs depend on Go's map order. */
    private static final int PROMTOOL_ATTEMPTS = 3;

    record Outcome(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Path suites;
    private List<Path> testFiles;
    private ExecutorService promtoolPool;
    private Map<Path, CompletableFuture<Outcome>> promtoolOutcomes;

    @BeforeAll
    void startPromtool() throws IOException {
        String dir = System.getProperty("sloc.real.suites.dir");
        suites = dir != null ? Path.of(dir).toAbsolutePath() : Shared.require("real-suites");
        testFiles = testFiles(suites);
        Path promtool = PrometheusTools.promtool();
        promtoolPool = Executors.newFixedThreadPool(PROMTOOL_PROCESSES);
        promtoolOutcomes = testFiles.stream().collect(Collectors.toMap(Function.identity(),
                f -> CompletableFuture.supplyAsync(() -> runPromtool(promtool, f), promtoolPool)));
    }

    @AfterAll
    void stopPromtool() {
        if (promtoolPool != null) {
            promtoolPool.shutdownNow();
        }
    }

    @Test
    void corpusHoldsAtLeast150TestFilesFromFourRepositoriesEachWithItsSource() throws IOException {
        List<Path> repositories;
        try (Stream<Path> dirs = Files.list(suites)) {
            repositories = dirs.filter(Files::isDirectory).toList();
        }
        assertThat(repositories).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> {
            assertThat(r.resolve("SOURCE")).isRegularFile();
            assertThat(testFiles).anySatisfy(f -> assertThat(f).startsWith(r));
        });
        assertThat(testFiles).hasSizeGreaterThanOrEqualTo(150);
    }

    @TestFactory
    Stream<DynamicTest> everyTestFileBehavesAsUnderPromtool() {
        return testFiles.stream().map(f -> DynamicTest.dynamicTest(suites.relativize(f).toString(), () -> {
            Outcome sloc = runSloc(f);
            Outcome promtool = promtoolOutcomes.get(f).join();
            for (int attempt = 1; !promtool.equals(sloc) && attempt < PROMTOOL_ATTEMPTS; attempt++) {
                promtool = runPromtool(PrometheusTools.promtool(), f);
            }
            assertThat(sloc.toString()).as("sloc vs promtool 2.42 for %s", f).isEqualTo(promtool.toString());
        }));
    }

    /** What {@code src/bench/side-by-side.sh} runs too: .yml/.yaml files with a top-level {@code tests:} key. */
    static List<Path> testFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .filter(RealSuitesDifferentialTest::hasTopLevelTests).sorted().toList();
        }
    }

    private static boolean hasTopLevelTests(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(l -> l.startsWith("tests:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome runSloc(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            RunRuleTests.Request request = new RunRuleTests.Request(List.of(file.getFileName().toString()),
                    List.of(), Optional.empty(), Optional.empty(), PrometheusTarget.named("2.42", "--prometheus"),
                    List.of(), false, false, false, 1);
            exit = RunRuleTests.run(request, file.getParent(), o, e);
        }
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static Outcome runPromtool(Path promtool, Path file) {
        PrometheusTools.Result r = PrometheusTools.run(file.getParent(), 300,
                List.of(promtool.toString(), "test", "rules", file.getFileName().toString()));
        return new Outcome(r.exitCode(), r.stdout(), r.stderr());
    }
}
