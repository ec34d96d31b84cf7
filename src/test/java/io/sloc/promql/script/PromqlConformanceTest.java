package io.sloc.promql.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Prometheus's own PromQL test scripts, one dynamic test per eval statement (executed in file order, since
 * load/clear commands between them change the data), under the profile of the Prometheus version they come from.
 * Each run writes {@code target/conformance/prometheus-<version>.tsv} (one row per file) and checks the per-file
 * pass-rate bars; every statement counts, as passed or failed.
 */
class PromqlConformanceTest {
    /** The feature flags Prometheus's script engine runs with (promqltest.TestParserOpts and NewTestEngine). */
    static final Set<String> SCRIPT_FEATURES = Set.of("promql-experimental-functions",
            "promql-extended-range-selectors", "promql-binop-fill-modifiers", "promql-delayed-name-removal",
            "use-start-timestamps");
    /** Files of experimental features, whose bar is lower. */
    private static final Set<String> EXPERIMENTAL = Set.of("duration_expression.test", "extended_vectors.test",
            "fill-modifier.test", "type_and_unit.test");

    @TestFactory
    Stream<DynamicNode> prometheus242Corpus() throws IOException {
        return corpus(Shared.require("conformance/prometheus-2.42/promql"), PromqlProfile.V2_42, "prometheus-2.42",
                file -> 100.0);
    }

    @TestFactory
    Stream<DynamicNode> prometheus3Corpus() throws IOException {
        return corpus(Shared.require("conformance/prometheus-3/promql"),
                PromqlProfile.V3_14.withFeatures(SCRIPT_FEATURES), "prometheus-3",
                file -> EXPERIMENTAL.contains(file) ? 80.0 : 95.0);
    }

    /** sloc's own scripts for semantics the shared files leave out; every statement must pass. */
    @TestFactory
    Stream<DynamicNode> ownScripts() throws Exception {
        Path dir = Path.of(PromqlConformanceTest.class.getResource("staleness_subquery_at.test").toURI()).getParent();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : scripts(dir)) {
            nodes.add(fileContainer(file, PromqlProfile.V2_42, new Tally(), f -> 100.0));
        }
        return nodes.stream();
    }

    /** Minimum pass rate of a file's statements, in percent. */
    private interface Bar {
        double percent(String file);
    }

    private Stream<DynamicNode> corpus(Path dir, PromqlProfile profile, String report, Bar bar) throws IOException {
        Tally tally = new Tally();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : scripts(dir)) {
            nodes.add(fileContainer(file, profile, tally, bar));
        }
        nodes.add(DynamicTest.dynamicTest(report + ".tsv", () -> {
            Path out = Path.of("target", "conformance", report + ".tsv");
            Files.createDirectories(out.getParent());
            Files.writeString(out, tally.tsv(), StandardCharsets.UTF_8);
            System.out.print(tally.tsv());
            assertThat(tally.rows).isNotEmpty();
        }));
        return nodes.stream();
    }

    private static List<Path> scripts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
    }

    private DynamicContainer fileContainer(Path file, PromqlProfile profile, Tally tally, Bar bar) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        FileCount count = tally.file(name);
        List<ScriptCommand> commands;
        try {
            commands = ScriptParser.parse(text, profile);
        } catch (RuntimeException e) {
            // Every statement of a script that does not parse counts as failed.
            count.statements = (int) text.lines().filter(l -> l.strip().startsWith("eval")).count();
            return DynamicContainer.dynamicContainer(name, Stream.of(DynamicTest.dynamicTest(name + " parses",
                    () -> assertThat(e).as("script %s does not parse", name).isNull())));
        }
        ScriptRunner runner = new ScriptRunner(profile);
        List<DynamicTest> tests = new ArrayList<>();
        List<ScriptCommand> pending = new ArrayList<>();
        for (ScriptCommand c : commands) {
            if (!(c instanceof ScriptCommand.Eval eval)) {
                pending.add(c);
                continue;
            }
            List<ScriptCommand> before = List.copyOf(pending);
            pending.clear();
            tests.add(DynamicTest.dynamicTest(name + ":" + eval.line() + " " + eval.text(), () -> {
                before.forEach(runner::apply);
                ScriptRunner.Outcome outcome = runner.run(eval);
                count.add(outcome);
                // Below-bar files fail in the summary; a single miss in a file above its bar is reported here.
                Assumptions.assumeTrue(outcome.passed(), outcome::message);
            }));
        }
        tests.add(DynamicTest.dynamicTest(name + " pass rate", () -> {
            System.out.printf("%s: %d/%d passed%n", name, count.passed, count.statements);
            count.failures.forEach(f -> System.out.println("  FAILED " + f));
            assertThat(count.statements).isPositive();
            assertThat(count.passRate()).as("%s pass rate; failures: %s", name, count.failures)
                    .isGreaterThanOrEqualTo(bar.percent(name));
        }));
        return DynamicContainer.dynamicContainer(name, tests);
    }

    /** Per-file counts of one corpus run, in file order. */
    private static final class Tally {
        final Map<String, FileCount> rows = new java.util.LinkedHashMap<>();

        FileCount file(String name) {
            return rows.computeIfAbsent(name, n -> new FileCount());
        }

        String tsv() {
            StringBuilder b = new StringBuilder("file\tstatements\tpassed\tfailed\n");
            rows.forEach((file, c) -> b.append(file).append('\t').append(c.statements).append('\t').append(c.passed)
                    .append('\t').append(c.statements - c.passed).append('\n'));
            return b.toString();
        }
    }

    private static final class FileCount {
        final List<String> failures = new ArrayList<>();
        int statements;
        int passed;

        void add(ScriptRunner.Outcome outcome) {
            statements++;
            if (outcome.passed()) {
                passed++;
            } else {
                failures.add(outcome.message());
            }
        }

        /** Passed share of the statements (100 when there are none). */
        double passRate() {
            return statements == 0 ? 100.0 : passed * 100.0 / statements;
        }
    }
}
