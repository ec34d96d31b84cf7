package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sloc.testsupport.ByteMutator;
import io.sloc.testsupport.FuzzSeed;
import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of promtool's inputs: the rule-test corpus with one test or rule file damaged at the byte level
 * (broken UTF-8, control characters and byte-order marks included). Each run gives a verdict (exit code 0 or 1)
 * without an internal error, a Java class name or a hang, and the same verdict as the real promtool.
 * {@code -Dfuzz.tries=N} tries N inputs.
 */
class TestFileFuzzTest {
    private static final Duration PER_INPUT = Duration.ofSeconds(60);

    @Test
    void damagedTestAndRuleFilesGetPromtoolsVerdict(@TempDir Path dir) throws IOException {
        List<String> tests = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(PromtoolDifferentialTest.corpusDir())) {
            for (Path file : corpus.sorted().toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
                String name = file.getFileName().toString();
                (name.endsWith(".test.yml") ? tests : rules).add(name);
            }
        }
        Random random = new Random(FuzzSeed.orDefault(17));
        ByteMutator mutator = new ByteMutator(random);
        int tries = ByteMutator.tries(300);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            String test = tests.get(random.nextInt(tests.size()));
            String damaged = random.nextInt(3) == 0 ? rules.get(random.nextInt(rules.size())) : test;
            Path file = dir.resolve(damaged);
            byte[] original = Files.readAllBytes(file);
            Files.write(file, mutator.mutate(original));
            PromtoolDifferentialTest.Outcome sloc = assertTimeoutPreemptively(PER_INPUT,
                    () -> PromtoolDifferentialTest.runSloc(dir, test), () -> "hangs on " + damaged);
            assertThat(sloc.exitCode()).as(sloc.toString()).isIn(0, 1);
            assertThat(sloc.toString()).doesNotContain("internal error");
            UserFacingText.assertNoJavaClassNames(sloc.stdout() + sloc.stderr());
            int promtool = PromtoolDifferentialTest.runPromtool(dir, test).exitCode();
            if (promtool != sloc.exitCode()) {
                disagreements.add("input " + i + " (" + damaged + "): promtool " + promtool + ", sloc " + sloc);
            }
            Files.write(file, original);
        }
        System.out.printf("fuzzed test and rule files: %d inputs, %d verdicts as promtool's%n", tries,
                tries - disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(disagreements.size()).as("verdicts unlike promtool's").isLessThanOrEqualTo(tries / 100);
    }
}
