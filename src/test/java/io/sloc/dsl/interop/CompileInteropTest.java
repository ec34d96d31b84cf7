package io.sloc.dsl.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.cli.ExitCodes;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sloc compile} takes Sloth, OpenSLO and Pyrra files beside .slo files. */
class CompileInteropTest {
    private final SlocCli sloc = new SlocCli();

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aDirectoryMixesSpecFormatsAndPassesOverOtherYaml() throws IOException {
        write("specs/shop.slo", "service shop { slo up { objective 99% sli availability `up` alerting none } }");
        write("specs/sloth/api.yml", """
                version: "prometheus/v1"
                service: "api"
                slos:
                  - name: "requests"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(errors_total[{{.window}}]))
                        total_query: sum(rate(requests_total[{{.window}}]))
                    alerting:
                      name: ApiErrors
                """);
        write("specs/pyrra.yaml", """
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: probes}
                spec: {target: "99", window: 4w, indicator: {bool_gauge: {metric: probe_success}}}
                """);
        write("specs/ci.yml", "stages: [build]\n");
        write("specs/rules/old.rules.yml", "groups: []\n");
        Path out = temp.resolve("out");
        assertThat(sloc.run("compile", temp.resolve("specs").toString(), "-o", out.toString()))
                .as(sloc.err()).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains("compiled 3 service(s)");
        assertThat(Files.readString(out.resolve("rules/api.rules.yml"))).contains("alert: ApiErrors",
                "sum(rate(errors_total[5m]))");
        assertThat(out.resolve("rules/probes.rules.yml")).exists();
        assertThat(out.resolve("rules/shop.rules.yml")).exists();
    }

    @Test
    void aYamlFileNamedOnTheCommandLineMustBeASpec() throws IOException {
        Path file = write("ci.yml", "stages: [build]\n");
        assertThat(sloc.run("compile", file.toString(), "-o", temp.resolve("out").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(file + ":1:1: error: not a Sloth, OpenSLO or Pyrra spec");
    }

    @Test
    void promqlErrorsInsideABlockScalarPointIntoTheYaml() throws IOException {
        Path file = write("api.yml", """
                version: "prometheus/v1"
                service: "api"
                slos:
                  - name: "requests"
                    objective: 99.9
                    sli:
                      events:
                        error_query: |
                          sum(
                            rate(errors_total[{{.window}}])) +
                          )
                        total_query: sum(rate(requests_total[{{.window}}]))
                """);
        assertThat(sloc.run("compile", file.toString(), "-o", temp.resolve("out").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        // Line 11 of the file, where the stray ')' is (at column 11; PromQL's error points just past it, as in .slo).
        assertThat(sloc.err()).contains(file + ":11:12: error: invalid PromQL expression: unexpected right parenthesis")
                .doesNotContain("Exception");
    }

    @Test
    void slothsKubernetesObjectCompilesToTheRulesOfItsPlainFile() {
        Path examples = Shared.require("interop/sloth/examples");
        Path plain = temp.resolve("plain");
        Path kubernetes = temp.resolve("kubernetes");
        assertThat(sloc.run("compile", examples.resolve("getting-started.yml").toString(), "-o", plain.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(sloc.run("compile", examples.resolve("k8s-getting-started.yml").toString(), "-o",
                kubernetes.toString())).isEqualTo(ExitCodes.OK);
        assertThat(kubernetes.resolve("rules/myservice.rules.yml")).hasSameTextualContentAs(
                plain.resolve("rules/myservice.rules.yml"));
    }
}
