package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly damaged test and rule files (characters deleted, YAML punctuation and tabs inserted, lines repeated)
 * must give a verdict with a message, never an exception or sloc's internal-error message, and (but for a few
 * exotic YAML problems that libyaml and SnakeYAML word differently) promtool's exact output.
 */
class MalformedInputTest {
    private static final int ROUNDS = 5;
    private static final String[] JUNK = {":", "[", "]", "{", "}", "\t", "'", "\"", "- ", "\n", "x", "#", "&a", "*a",
        "!!int ", "{{", "(", "5m", "_x", "stale"};

    @Test
    void damagedFilesNeverCrash(@TempDir Path dir) throws IOException {
        Path corpus = PromtoolDifferentialTest.corpusDir();
        List<String> files = PromtoolDifferentialTest.corpusFiles();
        Random random = new Random(7);
        int runs = 0;
        int sameAsPromtool = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String f : files) {
                copyDamaged(corpus, dir, random);
                String name = f;
                Files.writeString(dir.resolve(name), damage(Files.readString(corpus.resolve(f)), random));
                PromtoolDifferentialTest.Outcome sloc = PromtoolDifferentialTest.runSloc(dir, name);
                assertThat(sloc.exitCode()).as(name).isIn(0, 1);
                assertThat(sloc.stdout() + sloc.stderr()).as(name).doesNotContain("internal error")
                        .doesNotContain("Exception");
                runs++;
                if (PromtoolDifferentialTest.promtoolAgrees(dir, sloc, name)) {
                    sameAsPromtool++;
                }
            }
        }
        System.out.printf("damaged files: %d runs without a crash, %d identical to promtool%n", runs,
                sameAsPromtool);
        assertThat(sameAsPromtool).as("damaged files with promtool's exact output").isGreaterThan(runs * 9 / 10);
    }

    /** Rule files of the corpus, each damaged with some probability, so that rule loading is exercised too. */
    private static void copyDamaged(Path corpus, Path dir, Random random) throws IOException {
        try (var rules = Files.list(corpus)) {
            for (Path p : rules.filter(p -> p.toString().endsWith(".rules.yml")).toList()) {
                String text = Files.readString(p);
                Files.writeString(dir.resolve(p.getFileName()), random.nextInt(4) == 0 ? damage(text, random) : text);
            }
        }
    }

    private static String damage(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(6)));
                case 1 -> sb.insert(at, JUNK[random.nextInt(JUNK.length)]);
                default -> {
                    int start = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    if (end > start) {
                        sb.insert(start, sb.substring(start, end + 1));
                    }
                }
            }
        }
        return sb.toString();
    }
}
