package io.sloc.check;

import io.sloc.check.lint.AlertRoutingLint;
import io.sloc.check.lint.BurnFactorLint;
import io.sloc.check.lint.DuplicateRuleLint;
import io.sloc.check.lint.HistogramBucketLint;
import io.sloc.check.lint.KnownMetrics;
import io.sloc.check.lint.Lint;
import io.sloc.check.lint.LintContext;
import io.sloc.check.lint.ObjectiveRangeLint;
import io.sloc.check.lint.RetentionLint;
import io.sloc.check.lint.RunbookUrlLint;
import io.sloc.check.lint.SliSeriesLint;
import io.sloc.check.lint.UnrecordedMetricLint;
import io.sloc.check.lint.WindowSanityLint;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.model.Spec;
import io.sloc.promql.PromqlProfile;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileException;
import io.sloc.rules.RuleFileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lint stage: every rule file is loaded and validated as {@code promtool check rules} of the target version
 * does (YAML shape, rule and label names, duplicate groups, PromQL, templates: {@link RuleFileLoader}), then the
 * files that load and the compiled specs go through every {@link Lint}.
 */
public final class Lints {
    static final List<Lint> ALL = List.of(new DuplicateRuleLint(), new RunbookUrlLint(), new UnrecordedMetricLint(),
            new ObjectiveRangeLint(), new WindowSanityLint(), new BurnFactorLint(), new SliSeriesLint(),
            new HistogramBucketLint(), new RetentionLint(), new AlertRoutingLint());

    private Lints() {
    }

    /**
     * Loads and lints {@code ruleFiles} as the promtool of {@code profile}'s version reads them; {@code known} and
     * {@code runbookAnnotation} as {@link LintContext} describes them. A finding about a rule generated from a spec
     * is located at the spec position {@code origins} gives (and kept with its rule file).
     */
    public static List<CheckedFile> run(List<Path> ruleFiles, List<Spec> specs, PromqlProfile profile,
                                        KnownMetrics known, String runbookAnnotation, RuleOrigins origins) {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        List<RuleFile> loaded = new ArrayList<>();
        for (Path path : ruleFiles) {
            String display = path.toString();
            List<Diagnostic> found = byFile.computeIfAbsent(display, k -> new ArrayList<>());
            try {
                loaded.add(RuleFileLoader.load(path, display, profile, false));
            } catch (RuleFileException e) {
                e.diagnostics().forEach(d -> found.add(locate(d, e.line())));
            }
        }
        Map<String, RuleFile> byPath = new HashMap<>();
        loaded.forEach(file -> byPath.put(file.path(), file));
        LintContext context = new LintContext(loaded, specs, known, runbookAnnotation);
        for (Lint lint : ALL) {
            lint.check(context, d -> {
                RuleFile file = byPath.get(d.location().source());
                Diagnostic located = file == null ? d
                        : RuleOrigins.relocate(d, origins.ofLine(file, d.location().line()));
                byFile.computeIfAbsent(d.location().source(), k -> new ArrayList<>()).add(located);
            });
        }
        List<CheckedFile> files = new ArrayList<>();
        byFile.forEach((path, diagnostics) -> files.add(new CheckedFile(Stage.LINT, path, diagnostics)));
        return files;
    }

    /**
     * A rule-file problem where the report shows it: a problem rulefmt does not locate (line 0) goes to the start
     * of the line {@link RuleFileException#line()} names, so that annotators still attach it to the file.
     */
    private static Diagnostic locate(Diagnostic problem, int fallbackLine) {
        SourceLocation at = problem.location();
        if (at.isKnown()) {
            return problem;
        }
        SourceLocation shown = new SourceLocation(at.source(), Math.max(fallbackLine, 0), fallbackLine > 0 ? 1 : 0);
        return new Diagnostic(problem.severity(), problem.check(), shown, problem.message());
    }
}
