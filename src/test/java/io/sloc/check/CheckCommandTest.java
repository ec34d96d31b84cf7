package io.sloc.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.cli.ExitCodes;
import io.sloc.compiler.CompileOptions;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.OutputWriter;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sloc check} end to end through the CLI: on this repository, and on a copy of its specs with one thing
 * broken at a time, in every output format.
 */
class CheckCommandTest {
    @TempDir
    Path copy;

    private final SlocCli sloc = new SlocCli();

    private int check(String... args) {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(Arrays.asList(args));
        return sloc.run(all);
    }

    /** The repository's specs, compiled into a fresh generated/: a project in sync, ready to be broken. */
    private Path projectCopy() throws IOException {
        Path specs = copy.resolve("slo-specs");
        copyTree(Shared.projectDir().resolve("slo-specs"), specs);
        OutputWriter.write(CompileSpecs.inMemory(SpecLoader.load(List.of(specs)), CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT).output(), copy.resolve("generated"));
        return copy;
    }

    @Test
    void thisRepositoryPasses() {
        int exit = check(Shared.projectDir().toString());
        assertThat(exit).as(sloc.out() + "\n" + sloc.err()).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).containsPattern("sloc check: OK: 0 errors, .*; checked [1-9]\\d* spec files?, "
                + "[1-9]\\d* generated files?, [1-9]\\d* rule files?, [1-9]\\d* rule-test files?\n");
    }

    @Test
    void aScrapeLocatesAMissingBucketAndAnUnselectedSeriesAtTheSpecsSli() throws IOException {
        Path project = projectCopy();
        Path scrape = copy.resolve("scrape.prom");
        Files.writeString(scrape, """
                # TYPE hatago_request_duration_seconds histogram
                hatago_request_duration_seconds_bucket{le="0.0050"} 10
                hatago_request_duration_seconds_bucket{le="0.025"} 12
                hatago_request_duration_seconds_bucket{le="+Inf"} 12
                hatago_request_duration_seconds_count 12
                hatago_requests_total{code="200",method="GET"} 12
                """);
        assertThat(check("--metrics", scrape.toString(), project.toString())).as(sloc.out())
                .isEqualTo(ExitCodes.FAILED);
        String spec = project.resolve("slo-specs/hatago.slo").toString();
        assertThat(sloc.out()).contains(spec + ":37:20: error: SLO hatago/latency-p99: the latency threshold 0.01s "
                        + "is not a bucket of hatago_request_duration_seconds_bucket in " + scrape
                        + " (nearest: 0.005 and 0.025)")
                .doesNotContain("latency-p95: the latency threshold")
                .contains(spec + ":15:15: warning: SLO hatago/availability reads hatago_requests_total, but none "
                        + "of the 1 hatago_requests_total series in " + scrape + " has code=~\"5..\"");
    }

    @Test
    void aFreshlyCompiledCopyPasses() throws IOException {
        assertThat(check(projectCopy().toString())).as(sloc.out()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aNewOutputFileIsDriftInTheManifestToo() throws IOException {
        Path project = projectCopy();
        Path manifest = project.resolve("generated/" + OutputWriter.MANIFEST);
        List<String> lines = Files.readAllLines(manifest);
        int edited = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("tests/")).findFirst().orElseThrow());
        Files.writeString(manifest, Files.readString(manifest).replace("tests/", "old-tests/"));

        assertThat(check(project.toString())).as(sloc.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.out() + "\n" + sloc.err())
                .contains(manifest + ":" + edited + ":1: error: differs from what the specs compile to")
                .doesNotContain("Exception");
    }

    /** The acceptance of issue 20: every finding on the Hatago project points into slo-specs/. */
    @Test
    void everyFindingOnThisRepositoryIsLocatedInItsSpecs() {
        check(Shared.projectDir().toString());
        Matcher finding = Pattern.compile("(?m)^(.+?):\\d+:\\d+: (?:error|warning): ").matcher(sloc.out());
        int findings = 0;
        while (finding.find()) {
            assertThat(finding.group(1)).startsWith(Shared.projectDir().resolve("slo-specs").toString());
            findings++;
        }
        assertThat(findings).as(sloc.out()).isPositive();
    }

    /**
     * Drift in a rule file is located at the spec block that produced the first differing rule (the message says
     * where it is generated); drift in other generated files at their first differing line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "github"})
    void aChangedSpecIsDriftLocatedInTheSpecForRules(String format) throws IOException {
        Path project = projectCopy();
        Path spec = project.resolve("slo-specs/hatago.slo");
        Files.writeString(spec, Files.readString(spec).replaceFirst("objective 99\\.95%", "objective 99.9%"));
        int sloLine = indexOf(Files.readAllLines(spec), "slo availability {") + 1;
        Path junit = project.resolve("report.xml");

        assertThat(check("--format", format, "--junit", junit.toString(), project.toString()))
                .isEqualTo(ExitCodes.FAILED);
        List<Finding> drifts = findings(format, "drift");
        assertThat(drifts).anySatisfy(drift -> assertThat(drift.file()).isEqualTo(spec.toString()))
                .anySatisfy(drift -> assertThat(drift.file()).startsWith(project.resolve("generated").toString()));
        Pattern generatedAt = Pattern.compile("\\(generated at (.+):(\\d+):1\\)");
        for (Finding drift : drifts) {
            Matcher rule = generatedAt.matcher(drift.message());
            Path file = Path.of(drift.file());
            int line = drift.line();
            if (drift.file().equals(spec.toString())) {
                assertThat(line).isEqualTo(sloLine);
                assertThat(rule.find()).as(drift.message()).isTrue();
                file = Path.of(rule.group(1));
                line = Integer.parseInt(rule.group(2));
                assertThat(file.getFileName().toString()).endsWith(".rules.yml");
            } else {
                assertThat(drift.file()).startsWith(project.resolve("generated").toString());
                assertThat(file.getFileName().toString()).doesNotEndWith(".rules.yml");
            }
            assertThat(line).isPositive();
            String differing = Files.readAllLines(file).get(line - 1);
            assertThat(drift.message()).as("shows the first differing line").contains("sloc compile")
                    .containsPattern("compiling again would add [1-9]\\d* line\\(s\\) and remove [1-9]")
                    .contains("on disk:").contains(differing.strip());
            assertThat(Files.readString(junit)).contains(drift.file() + ":" + drift.line() + ":");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "github"})
    void aBrokenPromqlExpressionInARuleFileIsLocated(String format) throws IOException {
        Path project = projectCopy();
        Path rules = ruleFiles(project.resolve("generated")).get(0);
        List<String> lines = Files.readAllLines(rules);
        int exprLine = indexOf(lines, "expr: ") + 1;
        lines.set(exprLine - 1, lines.get(exprLine - 1).replaceFirst("expr: .*", "expr: sum(rate(x[5m])"));
        Files.write(rules, lines);

        assertThat(check("--format", format, project.toString())).isEqualTo(ExitCodes.FAILED);
        Finding broken = onlyFinding(format, "rule-file");
        assertThat(broken.file()).isEqualTo(rules.toString());
        assertThat(broken.line()).isEqualTo(exprLine);
        assertThat(broken.message()).contains("could not parse expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "github"})
    void aBrokenPromqlExpressionInASpecIsLocatedInTheSpec(String format) throws IOException {
        Path project = projectCopy();
        Path spec = project.resolve("slo-specs/hatago.slo");
        List<String> lines = Files.readAllLines(spec);
        int line = indexOf(lines, "`up{job=\"hatago\"} == 0`") + 1;
        lines.set(line - 1, lines.get(line - 1).replace("`up{job=\"hatago\"} == 0`", "`up{job=\"hatago\" == 0`"));
        Files.write(spec, lines);

        assertThat(check("--format", format, project.toString())).isEqualTo(ExitCodes.FAILED);
        Finding broken = onlyFinding(format, "compile");
        assertThat(broken.file()).isEqualTo(spec.toString());
        assertThat(broken.line()).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "github"})
    void aFailingRuleTestFailsTheCheckAtItsTestGroup(String format) throws IOException {
        Path project = projectCopy();
        Path rules = ruleFiles(project.resolve("generated")).get(0);
        Path test = project.resolve("wrong-test.yml");
        Files.writeString(test, "rule_files: [" + rules + "]\n"
                + "tests:\n"
                + "  - interval: 1m\n"
                + "    name: constant\n"
                + "    input_series: []\n"
                + "    promql_expr_test:\n"
                + "      - expr: vector(1)\n"
                + "        eval_time: 0m\n"
                + "        exp_samples: [{labels: '{}', value: 2}]\n");

        assertThat(check("--format", format, "--tests", test.toString(), project.toString()))
                .isEqualTo(ExitCodes.FAILED);
        Finding failed = onlyFinding(format, "rule-test");
        assertThat(failed.file()).isEqualTo(test.toString());
        assertThat(failed.line()).isEqualTo(3);
        assertThat(failed.message()).contains("constant").contains("exp: {} 2E+00").contains("got: {} 1E+00");
    }

    @Test
    void badUsageAndMissingInputExitWithTwo() {
        assertThat(check("--format", "xml")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("use text, json or github");
        assertThat(check(copy.resolve("absent").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("absent").contains("no such directory").doesNotContain("Exception");
    }

    /** A finding as each format shows it. */
    private record Finding(String file, int line, String message) {
    }

    private static final Pattern TEXT = Pattern.compile("(?m)^(.+?):(\\d+):(\\d+): error: (.*?) \\[([a-z-]+)]$");
    private static final Pattern GITHUB =
            Pattern.compile("(?m)^::error file=([^,]+),line=(\\d+)(?:,col=\\d+)?,title=sloc check \\(([a-z-]+)\\)::(.*)$");

    /** The one error of the run made by {@code check}. */
    private Finding onlyFinding(String format, String check) throws IOException {
        List<Finding> found = findings(format, check);
        assertThat(found).as(sloc.out()).hasSize(1);
        return found.get(0);
    }

    /** The errors made by {@code check}, parsed from the run's output in {@code format}. */
    private List<Finding> findings(String format, String check) throws IOException {
        List<Finding> found = new ArrayList<>();
        String output = sloc.out();
        if (format.equals("json")) {
            JsonNode json = new ObjectMapper().readTree(output);
            assertThat(json.get("passed").asBoolean()).isFalse();
            for (JsonNode d : json.get("diagnostics")) {
                if (d.get("severity").asText().equals("error") && d.get("check").asText().equals(check)) {
                    found.add(new Finding(d.get("file").asText(), d.get("line").asInt(), d.get("message").asText()));
                }
            }
        } else if (format.equals("github")) {
            Matcher m = GITHUB.matcher(output);
            while (m.find()) {
                if (m.group(3).equals(check)) {
                    found.add(new Finding(m.group(1).replace("%3A", ":").replace("%2C", ","),
                            Integer.parseInt(m.group(2)), m.group(4).replace("%0A", "\n").replace("%25", "%")));
                }
            }
        } else {
            Matcher m = TEXT.matcher(output);
            while (m.find()) {
                if (m.group(5).equals(check)) {
                    found.add(new Finding(m.group(1), Integer.parseInt(m.group(2)), m.group(4)));
                }
            }
            // with the continuation lines of multi-line messages
            for (int i = 0; i < found.size(); i++) {
                Finding f = found.get(i);
                String rest = output.substring(output.indexOf(f.message()));
                found.set(i, new Finding(f.file(), f.line(), rest.lines().takeWhile(
                        l -> l.startsWith("    ") || l.startsWith(f.message())).reduce("", (a, b) -> a + b + "\n")));
            }
            assertThat(output).contains("sloc check: FAILED");
        }
        return found;
    }

    private static List<Path> ruleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".rules.yml")).sorted().toList();
        }
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
