package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.diag.Diagnostic;
import io.sloc.rules.RuleFileLoader;
import io.sloc.testsupport.FuzzSeed;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicate-rule lint against the real {@code promtool check rules} (2.42): on random files of alerts and
 * recording rules drawn from few names and label sets (so that repeats are frequent, in every order, with empty
 * and non-ASCII values), the warning's text is exactly what promtool prints after its {@code lint error} prefix,
 * and there is a warning exactly when promtool reports one.
 */
class DuplicateRulePromtoolTest {
    private static final String[] NAMES = {"Down", "down", "job:x:sum", "Ärger"};
    private static final String[] LABELS = {"", "labels: {severity: page}", "labels: {severity: ticket}",
        "labels: {severity: \"\"}", "labels: {team: b, severity: page}", "labels: {severity: page, team: b}",
        "labels: {team: \"é\"}", "labels: {team: \"z\"}", "labels: {a: x}"};
    private static final String LINT_ERROR = "lint error ";

    @TempDir
    Path dir;

    @Test
    void warningsAreWhatPromtoolPrints() throws IOException {
        Random random = new Random(FuzzSeed.orDefault(14_5L));
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "check", "rules"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = ruleFile(random);
            texts.add(text);
            Path file = dir.resolve("f" + i + ".yml");
            Files.writeString(file, text);
            command.add(file.getFileName().toString());
        }
        PrometheusTools.Result promtool = PrometheusTools.run(dir, 120, command);
        // promtool prints one "Checking FILE" per file to stdout and each file's lint error to stderr, in file order
        List<String> reported = lintErrors(promtool.stderr());
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<Diagnostic> found = new ArrayList<>();
            new DuplicateRuleLint().check(new LintContext(List.of(RuleFileLoader.parse(texts.get(i), "f" + i)),
                    List.of(), KnownMetrics.NONE, LintContext.RUNBOOK_URL), found::add);
            assertThat(found).hasSizeLessThanOrEqualTo(1);
            found.forEach(d -> ours.add(d.message()));
        }
        assertThat(promtool.exitCode()).as(promtool.stderr()).isZero();
        assertThat(ours).as("some files have duplicates, some do not").hasSizeBetween(5, texts.size() - 5);
        assertThat(ours).isEqualTo(reported);
    }

    private static String ruleFile(Random random) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        int groups = 1 + random.nextInt(2);
        for (int g = 0; g < groups; g++) {
            yaml.append("  - name: g").append(g).append("\n    rules:\n");
            for (int r = 1 + random.nextInt(4); r > 0; r--) {
                String name = NAMES[random.nextInt(NAMES.length)];
                boolean alert = !name.contains(":") && (name.equals("Ärger") || random.nextBoolean());
                yaml.append("      - ").append(alert ? "alert" : "record").append(": ").append(name).append('\n')
                        .append("        expr: up").append(alert ? " == " + random.nextInt(2) : "").append('\n');
                String labels = LABELS[random.nextInt(LABELS.length)];
                if (!labels.isEmpty()) {
                    yaml.append("        ").append(labels).append('\n');
                }
            }
        }
        return yaml.toString();
    }

    /** Each {@code lint error ...} message of promtool's standard error, without the prefix. */
    private static List<String> lintErrors(String stderr) {
        List<String> messages = new ArrayList<>();
        for (String part : stderr.split("  FAILED:\n")) {
            if (part.startsWith(LINT_ERROR)) {
                messages.add(part.substring(LINT_ERROR.length()).stripTrailing());
            }
        }
        return messages;
    }
}
