package io.sloc.promql.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Prometheus 2.42's PromQL test scripts: one dynamic test per eval statement (executed in file order, since
 * load/clear commands between them change the data), then a per-file line with the pass count, then an overall
 * check of the 98% acceptance bar that lists every failure.
 */
class PromqlConformanceTest {
    /** Pass counts of one group of script files. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        int total;
        int passed;
    }

    @TestFactory
    Stream<DynamicNode> prometheus242Corpus() throws IOException {
        Path dir = Shared.require("conformance/prometheus-2.42/promql");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        Tally tally = new Tally();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            nodes.add(fileContainer(file, tally));
        }
        nodes.add(DynamicTest.dynamicTest("overall pass rate >= 98%", () -> {
            System.out.printf("PromQL 2.42 corpus: %d/%d eval statements passed%n", tally.passed, tally.total);
            tally.failures.forEach(f -> System.out.println("  FAILED " + f));
            assertThat(tally.total).isGreaterThan(0);
            assertThat(tally.passed * 100.0 / tally.total).as("pass rate; failures: %s", tally.failures)
                    .isGreaterThanOrEqualTo(98.0);
        }));
        return nodes.stream();
    }

    /** sloc's own scripts for semantics the shared files leave out; every statement must pass. */
    @TestFactory
    Stream<DynamicNode> ownScripts() throws Exception {
        Path dir = Path.of(PromqlConformanceTest.class.getResource("staleness_subquery_at.test").toURI()).getParent();
        List<DynamicNode> nodes = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                nodes.add(fileContainer(file, new Tally()));
            }
        }
        return nodes.stream();
    }

    private DynamicContainer fileContainer(Path file, Tally tally) throws IOException {
        String name = file.getFileName().toString();
        List<ScriptCommand> commands = ScriptParser.parse(Files.readString(file, StandardCharsets.UTF_8));
        ScriptRunner runner = new ScriptRunner();
        int[] filePassed = {0};
        int[] fileTotal = {0};
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
                fileTotal[0]++;
                tally.total++;
                String failure;
                try {
                    before.forEach(runner::apply);
                    failure = runner.run(eval);
                } catch (RuntimeException e) {
                    failure = "exception: " + e;
                }
                if (failure != null) {
                    tally.failures.add(name + ":" + eval.line() + " " + eval.expr() + " -> " + failure);
                }
                assertThat(failure).as(eval.text()).isNull();
                filePassed[0]++;
                tally.passed++;
            }));
        }
        tests.add(DynamicTest.dynamicTest(name + " summary", () -> {
            System.out.printf("%s: %d/%d eval statements passed%n", name, filePassed[0], fileTotal[0]);
            assertThat(fileTotal[0]).isPositive();
        }));
        return DynamicContainer.dynamicContainer(name, tests);
    }
}
