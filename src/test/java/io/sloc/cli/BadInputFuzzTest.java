package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.BadInputException;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.testsupport.ByteMutator;
import io.sloc.testsupport.FuzzSeed;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the inputs users write: damaged specs (the Hatago specs and the bad-spec catalogue) either
 * compile or fail with one message and exit code 2, damaged PromQL either parses or fails with a parse error; never
 * an internal error, a Java class name or a hang. {@code -Dfuzz.tries=N} tries N inputs per parser.
 */
class BadInputFuzzTest {
    private static final Duration PER_INPUT = Duration.ofSeconds(60);

    @Test
    void damagedSpecsCompileOrFailWithOneMessage(@TempDir Path dir) throws IOException {
        Path specs = Shared.projectDir().resolve("slo-specs");
        copyTree(specs.resolve("common"), dir.resolve("common"));
        byte[] hatago = Files.readAllBytes(specs.resolve("hatago.slo"));
        List<byte[]> bad = new ArrayList<>();
        try (Stream<Path> catalogue = Files.list(Shared.projectDir().resolve("src/test/resources/specs/bad"))) {
            for (Path spec : catalogue.filter(p -> p.toString().endsWith(".slo")).sorted().toList()) {
                bad.add(Files.readAllBytes(spec));
            }
        }
        Random random = new Random(FuzzSeed.orDefault(15));
        ByteMutator mutator = new ByteMutator(random);
        Path spec = dir.resolve("fuzzed.slo");
        String out = dir.resolve("out").toString();
        int tries = ByteMutator.tries(3000);
        int compiled = 0;
        for (int i = 0; i < tries; i++) {
            // Half the inputs start from a spec that compiles, so that damage reaches the compiler and emitters.
            byte[] seed = random.nextBoolean() ? hatago : bad.get(random.nextInt(bad.size()));
            Files.write(spec, mutator.mutate(seed));
            String shown = "input " + i + ": " + Files.readString(spec, StandardCharsets.ISO_8859_1);
            // Compiled in memory, which is cheap; only a spec that compiles is also written, through the CLI.
            boolean compiles = assertTimeoutPreemptively(PER_INPUT, () -> compilesInMemory(spec), () -> "hangs on "
                    + shown);
            if (compiles) {
                compiled++;
                SlocCli sloc = new SlocCli();
                int exit = assertTimeoutPreemptively(PER_INPUT, () -> sloc.run("compile", spec.toString(), "-o", out),
                        () -> "hangs writing " + shown);
                assertThat(exit).as(sloc.err() + " on " + shown).isIn(ExitCodes.OK, ExitCodes.BAD_INPUT);
                assertThat(sloc.err()).as(shown).doesNotContain("internal error");
                UserFacingText.assertNoJavaClassNames(sloc.out() + sloc.err());
            }
            ByteMutator.progress("specs", i + 1);
        }
        System.out.printf("fuzzed specs: %d inputs, %d compiled, %d rejected with one message, 0 crashes%n", tries,
                compiled, tries - compiled);
    }

    /** Whether the spec compiles; bad input must fail with one located message (anything else fails the test). */
    private static boolean compilesInMemory(Path spec) {
        try {
            CompileSpecs.inMemory(SpecLoader.load(List.of(spec)), new CompileOptions(Optional.empty()),
                    PrometheusTarget.named("3", "fuzz"));
            return true;
        } catch (BadInputException e) {
            assertThat(e.render()).hasLineCount(1).doesNotContain("internal error");
            UserFacingText.assertNoJavaClassNames(e.render());
            return false;
        }
    }

    @Test
    void damagedPromqlParsesOrFailsWithAParseError() throws IOException {
        List<String> seeds = Files.readAllLines(Shared.projectDir()
                .resolve("src/test/resources/io/sloc/promql/parser/promtool-verdicts.tsv")).stream()
                .filter(line -> !line.startsWith("#") && line.contains("\t"))
                .map(line -> line.substring(0, line.indexOf('\t'))).toList();
        Random random = new Random(FuzzSeed.orDefault(16));
        ByteMutator mutator = new ByteMutator(random);
        int tries = ByteMutator.tries(3000);
        int parsed = 0;
        for (int i = 0; i < tries; i++) {
            String query = new String(mutator.mutate(seeds.get(random.nextInt(seeds.size()))
                    .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
                boolean ok = assertTimeoutPreemptively(PER_INPUT, () -> parses(query, profile),
                        () -> "hangs on " + query);
                parsed += ok ? 1 : 0;
            }
        }
        System.out.printf("fuzzed PromQL: %d inputs (each for 2.42 and 3.14), %d parses, 0 crashes%n", tries,
                parsed);
    }

    private static boolean parses(String query, PromqlProfile profile) {
        try {
            PromqlParser.parse(query, profile);
            return true;
        } catch (PromqlParseException e) {
            UserFacingText.assertNoJavaClassNames(e.getMessage());
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
