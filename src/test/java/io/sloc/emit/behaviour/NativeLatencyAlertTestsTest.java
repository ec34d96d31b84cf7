package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.emit.OutputTree;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert-behaviour tests generated for latency SLOs over native histogram ({@code specs/good/native-latency.slo}):
 * written in promtool 3's {@code {{…}}} notation for Prometheus 3 and passing under sloc's runner with its semantics;
 * not written for 2.42, whose promtool cannot read the notation, with a warning saying so.
 */
class NativeLatencyAlertTestsTest {
    private static final Path SPEC = Shared.projectDir().resolve("src/test/resources/specs/good/native-latency.slo");

    private static CompileSpecs.Result compileFor(PrometheusTarget target) {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(SPEC)), CompileOptions.DEFAULTS, target);
    }

    private static List<String> testFiles(OutputTree tree) {
        return tree.files().keySet().stream().filter(p -> p.startsWith(AlertTestEmitter.DIRECTORY)).toList();
    }

    @Test
    void prometheus3GetsNativeHistogramInputAnd242AWarningInstead() {
        CompileSpecs.Result for3 = compileFor(PrometheusTarget.DEFAULT);
        assertThat(testFiles(for3.output())).containsExactlyInAnyOrder("tests/shop-checkout-latency.yml",
                "tests/shop-checkout-latency-slow-burn.yml", "tests/shop-search-latency.yml",
                "tests/shop-search-latency-slow-burn.yml");
        assertThat(new String(for3.output().files().get("tests/shop-checkout-latency.yml")))
                .contains("series: 'http_request_duration_seconds{handler=\"/checkout\",job=\"shop\",route=\"synthetic\"}'",
                        "values: '{{schema:3 count:0 sum:0 offset:-16 buckets:[0 0]}}+{{schema:3 count:");

        CompileSpecs.Result for242 = compileFor(PrometheusTarget.named("2.42", "test"));
        assertThat(testFiles(for242.output())).isEmpty();
        assertThat(for242.warnings()).filteredOn(w -> w.message().startsWith("no alert-behaviour tests"))
                .extracting(w -> w.location().line()).containsExactly(6, 17);
        assertThat(for242.warnings()).allSatisfy(w -> assertThat(w.message()).doesNotContain("Exception"));
    }

    @Test
    void theyPassUnderSlocsRunnerWithPrometheus3Semantics(@TempDir Path dir) throws Exception {
        SlocCli sloc = new SlocCli();
        int code = sloc.run(write(dir, UnaryOperator.identity()));
        assertThat(code).as(sloc.out() + sloc.err()).isZero();
        assertThat(sloc.out()).doesNotContain("FAILED").contains("SUCCESS");
    }

    /** Rules that count every request up to 1s as fast (the slow ones too) miss every burn the tests expect. */
    @Test
    void rulesCountingUpToTheWrongBoundaryFailThem(@TempDir Path dir) throws Exception {
        SlocCli sloc = new SlocCli();
        int code = sloc.run(write(dir, rules -> rules.replaceAll("histogram_fraction\\(0, [0-9.]+,",
                "histogram_fraction(0, 1,")));
        assertThat(code).isEqualTo(1);
        assertThat(sloc.err()).contains("alertstate=\\\"firing\\\"");
    }

    /** The compile output under {@code dir}, its rule files rewritten; the arguments of sloc test running it. */
    private static List<String> write(Path dir, UnaryOperator<String> rewriteRules) throws Exception {
        CompileSpecs.Result compiled = compileFor(PrometheusTarget.DEFAULT);
        List<String> args = new ArrayList<>(List.of("test", "--prometheus", "3"));
        for (Map.Entry<String, byte[]> file : compiled.output().files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            Files.writeString(path, file.getKey().endsWith(".rules.yml") ? rewriteRules.apply(text) : text);
            if (file.getKey().startsWith(AlertTestEmitter.DIRECTORY)) {
                args.add(path.toString());
            }
        }
        return args;
    }
}
