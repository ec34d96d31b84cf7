package io.sloc.emit.behaviour;

import io.sloc.promql.Durations;
import java.time.Duration;
import java.util.List;

/**
 * Writes one promtool test file by hand-rolled YAML: a fixed key order, single-quoted strings and nothing
 * locale- or time-dependent, so the output is byte-for-byte reproducible.
 */
final class TestFileWriter {
    private final StringBuilder out = new StringBuilder();

    TestFileWriter(String header, List<String> ruleFiles, Duration evaluationInterval, List<String> groupOrder) {
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("rule_files:\n");
        ruleFiles.forEach(file -> out.append("  - ").append(quote(file)).append('\n'));
        out.append("evaluation_interval: ").append(Durations.format(evaluationInterval.toMillis())).append('\n');
        if (!groupOrder.isEmpty()) {
            out.append("group_eval_order:\n");
            groupOrder.forEach(group -> out.append("  - ").append(quote(group)).append('\n'));
        }
        out.append("tests:\n");
    }

    /** Starts a test group. */
    void group(String name, Duration interval, List<? extends SeriesSynthesizer.Written> series) {
        out.append("  - name: ").append(quote(name)).append('\n')
                .append("    interval: ").append(Durations.format(interval.toMillis())).append('\n')
                .append(series.isEmpty() ? "    input_series: []\n" : "    input_series:\n");
        for (SeriesSynthesizer.Written input : series) {
            out.append("      - series: ").append(quote(input.series())).append('\n')
                    .append("        values: ").append(quote(input.notation())).append('\n');
        }
        out.append("    promql_expr_test:\n");
    }

    /** An expectation that {@code expr} returns one sample without labels equal to {@code value}. */
    void expect(String comment, String expr, Duration evalTime, long value) {
        out.append("      # ").append(comment).append('\n')
                .append("      - expr: ").append(quote(expr)).append('\n')
                .append("        eval_time: ").append(Durations.format(evalTime.toMillis())).append('\n')
                .append("        exp_samples:\n")
                .append("          - value: ").append(value).append('\n');
    }

    String text() {
        return out.toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
