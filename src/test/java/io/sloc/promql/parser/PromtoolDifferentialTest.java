package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
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

/** Fresh random queries, judged by the real promtool 2.42 ('check rules') and by us: the verdicts agree. */
class PromtoolDifferentialTest {
    private static final Pattern RULE_ERROR =
            Pattern.compile("rule \\d+, \"r(\\d+)\": could not parse expression: (.*)$");

    @Test
    void verdictsMatchPromtool(@TempDir Path dir) throws IOException {
        RandomQueries random = new RandomQueries(System.nanoTime(), Corpus.evalExpressions());
        List<String> queries = new ArrayList<>();
        StringBuilder rules = new StringBuilder("groups:\n- name: g\n  rules:\n");
        while (queries.size() < 400) {
            // YAML takes a block scalar's indentation from its first line and drops its final line break.
            String query = random.next().strip();
            if (query.isBlank() || query.contains("\t")) {
                continue;
            }
            rules.append("  - record: r").append(queries.size()).append("\n    expr: |-\n");
            for (String line : query.split("\n", -1)) {
                rules.append("      ").append(line).append('\n');
            }
            queries.add(query);
        }
        Files.writeString(dir.resolve("rules.yml"), rules);
        PrometheusTools.Result result = PrometheusTools.run(dir, 120,
                List.of(PrometheusTools.promtool().toString(), "check", "rules", "rules.yml"));
        Map<Integer, String> promtool = new HashMap<>();
        for (String line : (result.stdout() + result.stderr()).split("\n")) {
            Matcher m = RULE_ERROR.matcher(line);
            if (m.find()) {
                promtool.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
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
}
