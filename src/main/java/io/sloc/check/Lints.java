package io.sloc.check;

import io.sloc.check.lint.BurnFactorLint;
import io.sloc.check.lint.DuplicateRuleLint;
import io.sloc.check.lint.Lint;
import io.sloc.check.lint.LintContext;
import io.sloc.check.lint.ObjectiveRangeLint;
import io.sloc.check.lint.RunbookUrlLint;
import io.sloc.check.lint.UnrecordedMetricLint;
import io.sloc.check.lint.WindowSanityLint;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.model.Spec;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileException;
import io.sloc.rules.RuleFileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint stage: every rule file is loaded and validated as {@code promtool check rules} does (YAML shape, rule
 * and label names, duplicate groups, PromQL, templates: {@link RuleFileLoader}), then the files that load and the
 * compiled specs go through every {@link Lint}.
 */
public final class Lints {
    public static final List<Lint> ALL = List.of(new DuplicateRuleLint(), new RunbookUrlLint(), new UnrecordedMetricLint(),
            new ObjectiveRangeLint(), new WindowSanityLint(), new BurnFactorLint());

    /** rulefmt's {@code line:col: message}, after the file name. */
    private static final Pattern LOCATED = Pattern.compile("(\\d+):(\\d+): (.*)", Pattern.DOTALL);

    private Lints() {
    }

    public static List<CheckedFile> run(List<Path> ruleFiles, List<Spec> specs, Set<String> knownMetrics) {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        List<RuleFile> loaded = new ArrayList<>();
        for (Path path : ruleFiles) {
            String display = path.toString();
            List<Diagnostic> found = byFile.computeIfAbsent(display, k -> new ArrayList<>());
            String text = read(path);
            try {
                loaded.add(RuleFileLoader.parse(text, display));
            } catch (RuleFileException e) {
                for (String error : e.errors()) {
                    found.add(locate(display, error, e.line()));
                }
            }
        }
        LintContext context = new LintContext(loaded, specs, knownMetrics);
        for (Lint lint : ALL) {
            lint.check(context, d -> byFile.computeIfAbsent(d.location().source(), k -> new ArrayList<>()).add(d));
        }
        List<CheckedFile> files = new ArrayList<>();
        byFile.forEach((path, diagnostics) -> files.add(new CheckedFile(Stage.LINT, path, diagnostics)));
        return files;
    }

    /** Turns {@code file: line:col: message} (or {@code file: message}) into a located diagnostic. */
    private static Diagnostic locate(String file, String error, int fallbackLine) {
        String message = error.startsWith(file + ": ") ? error.substring(file.length() + 2) : error;
        Matcher m = LOCATED.matcher(message);
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return Diagnostic.error("rule-file", new SourceLocation(file, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))), m.group(3));
        }
        String text = m.matches() ? m.group(3) : message;
        return Diagnostic.error("rule-file", new SourceLocation(file, Math.max(fallbackLine, 0),
                fallbackLine > 0 ? 1 : 0), text);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path, e);
        }
    }
}
