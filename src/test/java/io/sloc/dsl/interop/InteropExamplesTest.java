package io.sloc.dsl.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.cli.ExitCodes;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's first acceptance bullet: every example in {@code ../shared/interop} compiles, or fails with one error
 * located in its YAML that names the field sloc cannot read. The table says which, and why.
 */
class InteropExamplesTest {
    private static final String COMPILES = "compiles";
    /** Sloth's own output (rule files): a directory scan passes them over, they are not specs. */
    private static final String NOT_A_SPEC = "not a spec";

    private static final Map<String, String> OUTCOMES = new TreeMap<>(Map.ofEntries(
            Map.entry("sloth/examples/getting-started.yml", COMPILES),
            Map.entry("sloth/examples/home-wifi.yml", COMPILES),
            Map.entry("sloth/examples/k8s-getting-started.yml", COMPILES),
            Map.entry("sloth/examples/kubernetes-apiserver.yml", COMPILES),
            Map.entry("sloth/examples/no-alerts.yml", COMPILES),
            Map.entry("sloth/examples/openslo-getting-started.yml", COMPILES),
            // An error ratio without event counts: sloc weights every window by traffic.
            Map.entry("sloth/examples/raw-home-wifi.yml", "28:9: slos[0].sli.raw: not supported"),
            // Settings of `sloth generate`, not SLOs: Sloth SLOs get these windows (30d) anyway.
            Map.entry("sloth/google-28d-windows.yaml", "5:7: kind: not supported: Sloth kind 'AlertWindows'"),
            Map.entry("sloth/google-30d-windows.yaml", "5:7: kind: not supported: Sloth kind 'AlertWindows'"),
            // OpenSLO's examples are vendor-neutral: their metric source is `Any`, not Prometheus ...
            Map.entry("openslo/budgeting-method__occurences-slo.yaml",
                    "17:17: spec.indicator.spec.thresholdMetric.metricSource.type: not supported: metric source "
                            + "type 'Any'"),
            // ... and three budget by time slices, which sloc does not.
            Map.entry("openslo/budgeting-method__ratio-timeslices.yaml",
                    "29:20: spec.budgetingMethod: not supported: 'RatioTimeslices' budgeting"),
            Map.entry("openslo/budgeting-method__timeslices-slo.yaml",
                    "32:20: spec.budgetingMethod: not supported: 'Timeslices' budgeting"),
            Map.entry("openslo/treat-low-traffic-as-equally-important__timeslices-slo.yaml",
                    "30:20: spec.budgetingMethod: not supported: 'Timeslices' budgeting"),
            Map.entry("pyrra/caddy-response-latency.yaml", COMPILES),
            Map.entry("pyrra/docker-compose__pyrra__prometheus-http.yaml", COMPILES),
            Map.entry("pyrra/kubernetes__manifests__slos__slo-apiserver-read-resource-latency.yaml", COMPILES),
            Map.entry("pyrra/kubernetes__manifests__slos__slo-apiserver-read-response-errors.yaml", COMPILES),
            Map.entry("pyrra/mimir__example-slo.yaml", COMPILES),
            Map.entry("pyrra/nginx.yaml", COMPILES),
            Map.entry("pyrra/prometheus-http.yaml", COMPILES),
            Map.entry("pyrra/prometheus-probe-success.yaml", COMPILES),
            // sloc sets the `service` label itself, so an SLO cannot be split by a label of that name.
            Map.entry("pyrra/pyrra-connect-errors.yaml", "20:11: cannot group by 'service'"),
            Map.entry("pyrra/pyrra-connect-latency.yaml", "19:11: cannot group by 'service'"),
            Map.entry("sloth/examples/_gen/getting-started.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/home-wifi.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/k8s-getting-started.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/kubernetes-apiserver.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/no-alerts.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/openslo-getting-started.yml", NOT_A_SPEC),
            Map.entry("sloth/examples/_gen/raw-home-wifi.yml", NOT_A_SPEC)));

    @TempDir
    Path temp;

    @Test
    void theTableListsEveryExample() throws IOException {
        assertThat(examples().map(this::relative).toList()).containsExactlyInAnyOrderElementsOf(OUTCOMES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachExampleCompilesOrFailsWithOneLocatedError() throws IOException {
        return examples().map(file -> DynamicTest.dynamicTest(relative(file), () -> {
            String expected = OUTCOMES.get(relative(file));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (expected.equals(NOT_A_SPEC)) {
                assertThat(InteropSpecs.recognises(text)).isFalse();
                assertThat(text).contains("groups:");
                return;
            }
            assertThat(InteropSpecs.recognises(text)).isTrue();
            SlocCli sloc = new SlocCli();
            int exit = sloc.run("compile", file.toString(), "-o", temp.resolve(relative(file)).toString());
            if (expected.equals(COMPILES)) {
                assertThat(exit).as(sloc.err()).isEqualTo(ExitCodes.OK);
                assertThat(sloc.out()).contains("compiled");
            } else {
                assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
                List<String> errors = sloc.err().lines().filter(l -> !l.contains("warning")).toList();
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0)).contains(file + ":" + expected.substring(0, expected.indexOf(' ')))
                        .contains(expected.substring(expected.indexOf(' ') + 1)).doesNotContain("Exception");
            }
        }));
    }

    private static Stream<Path> examples() throws IOException {
        Path interop = Shared.require("interop");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(interop)) {
            files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                    .toList();
        }
        return files.stream();
    }

    private String relative(Path file) {
        return Shared.require("interop").relativize(file).toString();
    }
}
