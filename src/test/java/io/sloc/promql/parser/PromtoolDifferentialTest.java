package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.ast.ValueType;
import io.sloc.testsupport.FuzzSeed;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random input (see {@link FuzzSeed}) judged by the real promtool 2.42 ('check rules') and by us: the verdicts agree. */
class PromtoolDifferentialTest {
    private static final Pattern RULE_ERROR =
            Pattern.compile("rule \\d+, \"r(\\d+)\": could not parse expression: (.*)$");

    @Test
    void verdictsMatchPromtool(@TempDir Path dir) {
        RandomQueries random = new RandomQueries(FuzzSeed.orDefault(20261124L), Corpus.evalExpressions());
        List<String> queries = new ArrayList<>();
        while (queries.size() < 400) {
            // YAML takes a block scalar's indentation from its first line and drops its final line break.
            String query = random.next().strip();
            if (!query.isBlank() && !query.contains("\t")) {
                queries.add(query);
            }
        }
        Map<Integer, String> promtool = promtoolErrors(dir, queries);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String expected = promtool.getOrDefault(i, "SUCCESS");
            String ours = PromtoolVerdictsTest.verdict(queries.get(i));
            if (!expected.equals(ours)) {
                disagreements.add(queries.get(i) + "\n    promtool: " + expected + "\n    sloc:     " + ours);
            }
        }
        assertThat(promtool).as("promtool found errors at all").isNotEmpty();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void printedAstsAreValidPromqlForPromtool(@TempDir Path dir) {
        long seed = FuzzSeed.orDefault(4242L);
        ValueType[] types = {ValueType.VECTOR, ValueType.SCALAR, ValueType.MATRIX};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            queries.add(PromqlPrinter.print(new RandomExprs(seed + i).of(types[i % 3], 1 + i % 5)));
        }
        Map<Integer, String> promtool = promtoolErrors(dir, queries);
        assertThat(promtool).as("seed %d", seed).isEmpty();
    }

    /** Prometheus's parse error per query index, from one 'promtool check rules' run. */
    private static Map<Integer, String> promtoolErrors(Path dir, List<String> queries) {
        StringBuilder rules = new StringBuilder("groups:\n- name: g\n  rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            rules.append("  - record: r").append(i).append("\n    expr: |-\n");
            for (String line : queries.get(i).split("\n", -1)) {
                rules.append("      ").append(line).append('\n');
            }
        }
        try {
            Files.writeString(dir.resolve("rules.yml"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrometheusTools.Result result = PrometheusTools.run(dir, 120,
                List.of(PrometheusTools.promtool().toString(), "check", "rules", "rules.yml"));
        Map<Integer, String> errors = new HashMap<>();
        for (String line : (result.stdout() + result.stderr()).split("\n")) {
            Matcher m = RULE_ERROR.matcher(line);
            if (m.find()) {
                errors.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        return errors;
    }
}
