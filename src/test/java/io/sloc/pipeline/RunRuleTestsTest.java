package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRuleTestsTest {
    @TempDir
    Path suite;

    @Test
    void runsAsIfStartedInTheWorkingDirectoryItIsGiven() throws IOException {
        Files.writeString(suite.resolve("rules.yml"), """
                groups:
                - name: g
                  rules:
                  - record: doubled
                    expr: up * 2
                """);
        Files.writeString(suite.resolve("t.yml"), """
                rule_files: [rules.yml]
                tests:
                - input_series:
                  - series: up
                    values: 1
                  promql_expr_test:
                  - expr: doubled
                    exp_samples:
                    - labels: doubled
                      value: 2
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(List.of("t.yml", "missing.yml"), out, err);
        assertThat(err).hasToString("promtool: error: path 'missing.yml' does not exist, try --help\n");
        assertThat(exit).isEqualTo(1);

        exit = run(List.of("t.yml"), out, err);
        assertThat(out).hasToString("Unit Testing:  t.yml\n  SUCCESS\n\n");
        assertThat(exit).isZero();
    }

    private int run(List<String> files, StringWriter out, StringWriter err) {
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            return RunRuleTests.run(new RunRuleTests.Request(files, List.of(), Optional.empty(), Optional.empty(),
                    PrometheusTarget.named("2.42", "--prometheus"), List.of(), false, false, false, 1), suite, o, e);
        }
    }
}
