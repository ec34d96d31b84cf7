package io.sloc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.rules.GeneratedRule;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated rules are valid for our PromQL parser and for the real {@code promtool check rules} (Prometheus
 * 2.42): the Hatago specs, a spec exercising every SLI kind and option, and native-histogram latency SLOs.
 */
class GeneratedRulesPromtoolTest {
    @TempDir
    Path temp;

    @Test
    void everyGeneratedExpressionParses() throws IOException {
        for (CompileSpecs.Result result : List.of(TestCompiles.hatago(), kitchenSink(), nativeLatency())) {
            for (GeneratedRule rule : TestCompiles.rules(result)) {
                PromqlParser.parse(rule.expr());
            }
        }
    }

    @Test
    void promtoolCheckRulesReportsSuccessForEveryRuleFile() throws IOException {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "check", "rules"));
        int n = 0;
        for (CompileSpecs.Result result : List.of(TestCompiles.hatago(), kitchenSink(), nativeLatency())) {
            for (Map.Entry<String, byte[]> file : result.output().files().entrySet()) {
                if (file.getKey().endsWith(".rules.yml")) {
                    Path path = temp.resolve((n++) + "-" + Path.of(file.getKey()).getFileName());
                    Files.write(path, file.getValue());
                    command.add(path.toString());
                }
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(4);
        PrometheusTools.Result check = PrometheusTools.run(temp, 120, command);
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout().split("SUCCESS", -1)).hasSize(n + 1);
        assertThat(check.stdout() + check.stderr()).doesNotContain("FAILED").doesNotContain("WARNING");
    }

    /** Latency SLOs over native histograms. */
    public static CompileSpecs.Result nativeLatency() throws IOException {
        return TestCompiles.compile(Files.readString(TestCompiles.projectPath(
                "src/test/resources/specs/good/native-latency.slo")));
    }

    static CompileSpecs.Result kitchenSink() throws IOException {
        return TestCompiles.compile(Files.readString(TestCompiles.projectPath(
                "src/test/resources/specs/good/kitchen-sink.slo")));
    }
}
