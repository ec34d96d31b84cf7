package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sloc.testsupport.ByteMutator;
import io.sloc.testsupport.FuzzSeed;
import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of promtool's inputs: the rule-test corpus with one test file, or one rule file, damaged at the
 * byte level (broken UTF-8, control characters and byte-order marks included). Each run, in-process, gives a
 * verdict (exit code 0 or 1) without an internal error, a Java class name or a hang; an evenly spread sample of the
 * inputs is also given to the real promtool, which must give the same verdict. {@code -Dfuzz.tries=N} tries N
 * inputs of each kind, {@code -Dfuzz.promtool.tries=M} compares M of them with promtool.
 */
class TestFileFuzzTest {
    private static final Duration PER_INPUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void damagedTestFilesGetPromtoolsVerdict() throws IOException {
        Map<String, List<String>> corpus = corpus();
        List<String> tests = List.copyOf(corpus.keySet());
        fuzz("test files", 17, tests, (test, random) -> test);
    }

    @Test
    void damagedRuleFilesGetPromtoolsVerdict() throws IOException {
        Map<String, List<String>> testsOfRuleFile = new TreeMap<>();
        corpus().forEach((test, ruleFiles) -> ruleFiles
                .forEach(r -> testsOfRuleFile.computeIfAbsent(r, k -> new ArrayList<>()).add(test)));
        fuzz("rule files", 19, List.copyOf(testsOfRuleFile.keySet()),
                (ruleFile, random) -> testsOfRuleFile.get(ruleFile).get(random.nextInt(
                        testsOfRuleFile.get(ruleFile).size())));
    }

    /** Which test file to run once {@code damaged} is damaged. */
    private interface TestOf {
        String pick(String damaged, Random random);
    }

    private void fuzz(String kind, long seed, List<String> damageable, TestOf testOf) throws IOException {
        Random random = new Random(FuzzSeed.orDefault(seed));
        ByteMutator mutator = new ByteMutator(random);
        int tries = ByteMutator.tries(1000);
        int compareEvery = Math.max(1, tries / Integer.getInteger("fuzz.promtool.tries", 150));
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            String damaged = damageable.get(random.nextInt(damageable.size()));
            String test = testOf.pick(damaged, random);
            Path file = dir.resolve(damaged);
            byte[] original = Files.readAllBytes(file);
            Files.write(file, mutator.mutate(original));
            PromtoolDifferentialTest.Outcome sloc = assertTimeoutPreemptively(PER_INPUT,
                    () -> PromtoolDifferentialTest.runSloc(dir, test), () -> "hangs on " + damaged);
            assertThat(sloc.exitCode()).as(sloc.toString()).isIn(0, 1);
            assertThat(sloc.toString()).doesNotContain("internal error");
            UserFacingText.assertNoJavaClassNames(sloc.stdout() + sloc.stderr());
            if (i % compareEvery == 0) {
                compared++;
                int promtool = PromtoolDifferentialTest.runPromtool(dir, test).exitCode();
                if (promtool != sloc.exitCode()) {
                    disagreements.add("input " + i + " (" + damaged + "): promtool " + promtool + ", sloc " + sloc
                            + "--- damaged file\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
            Files.write(file, original);
            ByteMutator.progress(kind, i + 1);
        }
        System.out.printf("fuzzed %s: %d inputs, 0 crashes; %d compared with promtool, %d verdicts as promtool's%n",
                kind, tries, compared, compared - disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(disagreements.size()).as("verdicts unlike promtool's").isLessThanOrEqualTo(compared / 1000);
    }

    /** The corpus copied into {@link #dir}: each test file with the rule files it names. */
    private Map<String, List<String>> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(PromtoolDifferentialTest.corpusDir())) {
            files = listed.sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        List<String> ruleFiles = files.stream().map(f -> f.getFileName().toString())
                .filter(n -> !n.endsWith(".test.yml")).toList();
        Map<String, List<String>> corpus = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".test.yml")) {
                String text = Files.readString(file);
                corpus.put(name, ruleFiles.stream().filter(text::contains).toList());
            }
        }
        return corpus;
    }
}
