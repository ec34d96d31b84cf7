package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.RuleGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs one test group the way promtool's {@code testGroup.test} does: evaluate every rule group at each evaluation
 * step from the group's start to the latest eval_time, check alerts after the step at or before their eval_time, then
 * run the PromQL checks against the final storage. Returns promtool's error messages, empty when the group passed.
 */
final class TestGroupRun {
    private final TestGroup test;
    private final GroupSettings settings;
    private final long evalIntervalMs;
    private final long startMs;
    private final MemoryStorage storage = new MemoryStorage();
    private final Querier querier;
    private final RuleEvaluation rules;
    private final List<String> errors = new ArrayList<>();

    private TestGroupRun(TestGroup test, List<RuleGroup> ruleGroups, GroupSettings settings) {
        this.test = test;
        this.settings = settings;
        this.evalIntervalMs = settings.evalIntervalMs();
        this.startMs = test.startTimestampMs();
        this.querier = new Querier(storage, evalIntervalMs, settings.options().maxSamples(),
                settings.options().profile());
        this.rules = new RuleEvaluation(ruleGroups, storage, querier,
                new AlertTemplateRenderer(test.externalLabels(), test.externalUrl()));
    }

    /** @param rules the rule groups in evaluation order, or the errors loading them */
    static List<String> run(TestGroup test, LoadedRules rules, GroupSettings settings) {
        InputSeriesLoader input;
        try {
            input = InputSeriesLoader.of(test.inputSeries(), test.startTimestampMs(), test.intervalMs(),
                    settings.options().profile());
        } catch (PromqlParseException e) {
            return List.of(e.prometheusMessage());
        }
        if (!rules.errors().isEmpty()) {
            return rules.errors();
        }
        for (AlertTestCase a : test.alertRuleTests()) {
            if (a.alertname().isEmpty()) {
                return List.of(Messages.missingAlertname(a.evalTimeMs(), test.name()));
            }
        }
        return new TestGroupRun(test, rules.groups(), settings).run(input);
    }

    private List<String> run(InputSeriesLoader input) {
        long maxT = startMs + test.maxEvalTimeMs();
        boolean evaluated;
        try (QueriesAhead ahead = QueriesAhead.start(rules.rules(), input, querier,
                other -> new Querier(other, evalIntervalMs, settings.options().maxSamples(),
                        settings.options().profile()),
                startMs, maxT, evalIntervalMs, settings.queriesAheadFromSteps())) {
            evaluated = evaluateSteps(input, maxT, ahead);
        }
        if (!evaluated) {
            return errors;
        }
        test.promqlExprTests().forEach(this::checkPromql);
        if (settings.options().debug()) {
            new DebugDump(querier, settings.debugOut()).dump(startMs, test.maxEvalTimeMs());
        }
        return errors;
    }

    /**
     * The steps up to {@code maxT} with their alert checks, taking what {@code ahead} (or null) has; false when a rule
     * failed (promtool stops there).
     */
    private boolean evaluateSteps(InputSeriesLoader input, long maxT, QueriesAhead ahead) {
        TreeMap<Long, List<AlertTestCase>> alertTests = test.alertRuleTests().stream()
                .collect(Collectors.groupingBy(AlertTestCase::evalTimeMs, TreeMap::new, Collectors.toList()));
        for (long ts = startMs; ts <= maxT; ts += evalIntervalMs) {
            settings.progress().simulated(ts - startMs, test.maxEvalTimeMs());
            Optional<String> loadError = input.loadUntil(storage, ts);
            if (loadError.isPresent()) {
                errors.add(loadError.get()); // the step's rules are not evaluated; its alert checks still run
            } else {
                List<String> evalErrors = rules.evaluate(ts, ahead);
                if (!evalErrors.isEmpty()) {
                    errors.addAll(evalErrors);
                    return false;
                }
            }
            // Alert checks at eval times in [ts, ts + interval) see the state of this step.
            while (!alertTests.isEmpty() && alertTests.firstKey() < ts - startMs + evalIntervalMs) {
                Map.Entry<Long, List<AlertTestCase>> due = alertTests.pollFirstEntry();
                due.getValue().forEach(this::checkAlerts);
            }
            if (ts > Long.MAX_VALUE - evalIntervalMs) {
                break;
            }
        }
        return true;
    }

    private void checkAlerts(AlertTestCase test) {
        List<AlertView> got = rules.firingAlerts(test.alertname());
        List<AlertView> expected = new ArrayList<>();
        for (ExpectedAlert e : test.expAlerts()) {
            Map<String, String> labels = new TreeMap<>(e.expLabels());
            labels.put("alertname", test.alertname());
            expected.add(new AlertView(new TreeMap<>(labels), new TreeMap<>(e.expAnnotations())));
        }
        got.sort(AlertView.ORDER);
        expected.sort(AlertView.ORDER);
        if (!expected.equals(got)) {
            if (settings.options().diff()) {
                Messages.alertDiff(this.test.name(), test.alertname(), test.evalTimeMs(), expected, got)
                        .ifPresent(errors::add);
            } else {
                errors.add(Messages.alertMismatch(this.test.name(), test.alertname(), test.evalTimeMs(), expected,
                        got, settings.promtool().quotesUtf8LabelNames()));
            }
        }
    }

    private void checkPromql(PromqlTestCase test) {
        List<ResultSample> got = new ArrayList<>();
        try {
            for (Sample s : querier.query(test.expr(), startMs + test.evalTimeMs())) {
                got.add(new ResultSample(s.metric(), s.value(),
                        s.isHistogram() ? s.histogram().testExpression() : ""));
            }
        } catch (Querier.QueryException e) {
            errors.add(Messages.promqlError(test, e.getMessage()));
            return;
        }
        List<ResultSample> expected = new ArrayList<>();
        for (ExpectedSample e : test.expSamples()) {
            try {
                Labels labels = Labels.of(SeriesDescriptions.parseMetric(e.labels(), settings.options().profile()));
                String histogram = e.histogram().isEmpty() ? "" : expectedHistogram(e.histogram());
                expected.add(new ResultSample(labels, e.value(), histogram));
            } catch (IllegalArgumentException ex) {
                errors.add(Messages.promqlError(test, "labels " + GoQuote.quote(e.labels()) + ": " + ex.getMessage()));
                return;
            } catch (PromqlParseException ex) {
                errors.add(Messages.promqlError(test,
                        "labels " + GoQuote.quote(e.labels()) + ": " + ex.prometheusMessage()));
                return;
            }
        }
        goSortSlice(expected);
        goSortSlice(got);
        if (!sameSamples(expected, got, settings.fuzzyCompare())) {
            errors.add(Messages.promqlMismatch(test, expected, got, settings.promtool().quotesUtf8LabelNames()));
        }
    }

    /**
     * The test notation of an expected histogram, read as promtool reads it (a series description "{} " + text).
     *
     * @throws PromqlParseException for bad notation
     * @throws IllegalArgumentException with promtool's message when it is not exactly one histogram
     */
    private String expectedHistogram(String text) {
        SeriesDescriptions.SeriesDescription d =
                SeriesDescriptions.parseSeriesLine("{} " + text, settings.options().profile());
        if (d.size() != 1) {
            throw new IllegalArgumentException("expected 1 value, got " + d.size());
        }
        if (d.histogram(0) == null) {
            throw new IllegalArgumentException("expected histogram, got "
                    + (d.omitted().get(0) ? "_" : String.format(Locale.ROOT, "%f", d.values()[0])));
        }
        return d.histogram(0).testExpression();
    }

    /**
     * promtool sorts with {@code sort.Slice(..., Compare(a, b) <= 0)}: for up to 12 elements Go uses insertion sort,
     * and that comparator swaps equal neighbours, so expected samples with equal labels end up reversed. Larger
     * lists are sorted stably here (Go's pdqsort tie order is not reproduced; only duplicated expectations care).
     */
    private static void goSortSlice(List<ResultSample> samples) {
        if (samples.size() > 12) {
            samples.sort((a, b) -> a.labels().compareTo(b.labels()));
            return;
        }
        for (int i = 1; i < samples.size(); i++) {
            for (int j = i; j > 0 && samples.get(j).labels().compareTo(samples.get(j - 1).labels()) <= 0; j--) {
                samples.set(j, samples.set(j - 1, samples.get(j)));
            }
        }
    }

    private static boolean sameSamples(List<ResultSample> a, List<ResultSample> b, boolean fuzzy) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).matches(b.get(i), fuzzy)) {
                return false;
            }
        }
        return true;
    }
}
