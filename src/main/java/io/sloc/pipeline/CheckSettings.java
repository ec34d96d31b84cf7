package io.sloc.pipeline;

import io.sloc.check.lint.LintContext;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code sloc check} and the {@code sloc:check} goal judge what they find. A repository keeps them in
 * {@code .sloc.yml} ({@link SlocConfigFile}); the CLI's flags and the goal's parameters override the file, each
 * setting on its own.
 *
 * @param strict            warnings fail the check too
 * @param knownMetrics      globs of metrics that exist although no checked rule records them
 * @param metricsFiles      Prometheus text-exposition scrapes: their metric names exist
 * @param runbookAnnotation the annotation that links an alert's runbook
 */
public record CheckSettings(boolean strict, List<String> knownMetrics, List<Path> metricsFiles,
                            String runbookAnnotation) {
    public static final CheckSettings DEFAULTS =
            new CheckSettings(false, List.of(), List.of(), LintContext.RUNBOOK_URL);

    public CheckSettings {
        knownMetrics = List.copyOf(knownMetrics);
        metricsFiles = List.copyOf(metricsFiles);
    }

    /**
     * The settings given in one place (the file, the command line, the goal's parameters); {@code null} where a
     * setting is not given there. A given list replaces the one it overrides.
     */
    public record Given(Boolean strict, List<String> knownMetrics, List<Path> metricsFiles, String runbookAnnotation) {
        public static final Given NOTHING = new Given(null, null, null, null);
    }

    /** These settings with what {@code given} sets replaced. */
    public CheckSettings with(Given given) {
        return new CheckSettings(given.strict() != null ? given.strict() : strict,
                given.knownMetrics() != null ? given.knownMetrics() : knownMetrics,
                given.metricsFiles() != null ? given.metricsFiles() : metricsFiles,
                given.runbookAnnotation() != null ? given.runbookAnnotation() : runbookAnnotation);
    }

    /**
     * The defaults, overridden by the {@code .sloc.yml} that governs {@code dirs} (see
     * {@link SlocConfigFile#governing}), overridden by {@code flags}.
     *
     * @throws io.sloc.diag.BadInputException for a bad {@code .sloc.yml}, located, or dirs governed by different ones
     */
    public static CheckSettings resolve(List<Path> dirs, Given flags) {
        Given fromFile = SlocConfigFile.governing(dirs).map(SlocConfigFile::read).orElse(Given.NOTHING);
        return DEFAULTS.with(fromFile).with(flags);
    }
}
