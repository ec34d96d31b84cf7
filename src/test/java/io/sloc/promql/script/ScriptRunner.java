package io.sloc.promql.script;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.engine.Almost;
import io.sloc.promql.engine.Annotations;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.StringValue;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Executes test-script commands against a fresh in-memory storage with the engine settings of Prometheus's test
 * scripts (5m lookback, 1m default subquery step, 10000 max samples), checking results, errors and annotations as
 * promqltest does.
 */
final class ScriptRunner {
    /** Outcome of one eval statement: passed, or failed and why. */
    record Outcome(boolean passed, String message) {
    }

    static final double EPSILON = 0.000001;
    private static final Pattern QUERY_CONTEXT_FUNCTIONS = Pattern.compile("(start|end|range|step)\\(\\)");

    private final PromqlProfile profile;
    private final Engine engine;
    private MemoryStorage storage = new MemoryStorage();

    ScriptRunner(PromqlProfile profile) {
        this.profile = profile;
        this.engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, 60_000L, 10_000, profile));
    }

    /** The storage the load commands so far filled. */
    MemoryStorage storage() {
        return storage;
    }

    /** Applies a clear or load command. */
    void apply(ScriptCommand c) {
        if (c instanceof ScriptCommand.Clear) {
            storage = new MemoryStorage();
        } else if (c instanceof ScriptCommand.Load load) {
            // Like Go's loadCmd, a series defined twice in one block keeps its last definition.
            Map<Labels, ScriptCommand.LoadedSeries> defs = new LinkedHashMap<>();
            for (ScriptCommand.LoadedSeries s : load.series()) {
                defs.put(Labels.of(s.labels()), s);
            }
            ClassicHistogramConversion classic = new ClassicHistogramConversion();
            defs.forEach((labels, s) -> {
                for (int i = 0; i < s.values().length; i++) {
                    long t = i * load.stepMs();
                    FloatHistogram h = s.histogram(i);
                    if (h != null) {
                        storage.append(labels, t, h, startTimestamp(s.startOffsets(), i, t));
                    } else if (!s.omitted().get(i)) {
                        storage.append(labels, t, s.values()[i], startTimestamp(s.startOffsets(), i, t));
                        classic.add(labels, t, s.values()[i]);
                    }
                }
            });
            if (load.withNhcb()) {
                classic.convert().forEach((labels, byTime) -> byTime.forEach((t, h) -> storage.append(labels, t, h)));
            }
        }
    }

    /** The sample's start timestamp from its {@code @st} offset; 0 (unknown) without one. */
    private static long startTimestamp(ScriptCommand.StartOffsets offsets, int slot, long t) {
        if (offsets == null || slot >= offsets.offsetsMs().length || offsets.omitted().get(slot)) {
            return 0;
        }
        return t + offsets.offsetsMs()[slot];
    }

    /** Runs an eval command: passed, or failed with the reason. */
    Outcome run(ScriptCommand.Eval eval) {
        String failure;
        try {
            failure = execute(eval);
        } catch (RuntimeException e) {
            failure = "exception: " + e;
        }
        return failure == null ? new Outcome(true, null) : new Outcome(false, failure + " (line " + eval.line() + ")");
    }

    private String execute(ScriptCommand.Eval eval) {
        Expr expr;
        try {
            expr = PromqlParser.parse(eval.expr(), profile);
        } catch (RuntimeException e) {
            return eval.fail() ? expectedFailure(eval, e.getMessage()) : "error parsing query: " + e.getMessage();
        }
        if (eval.range()) {
            return check(eval, eval.expr(), () -> engine.range(storage, expr, eval.startMs(), eval.endMs(),
                    eval.stepMs()));
        }
        String failure = checkInstant(eval, eval.expr(), expr, eval.atMs());
        Expr pinned = AtModifierCases.pin(expr, eval.atMs());
        if (pinned != null) {
            for (long t : AtModifierCases.evalTimes(eval.atMs())) {
                if (failure == null) {
                    String f = checkInstant(eval, eval.expr(), pinned, t);
                    failure = f == null ? null : "with @ " + eval.atMs() + " evaluated at " + t + "ms: " + f;
                }
            }
        }
        return failure;
    }

    private String checkInstant(ScriptCommand.Eval eval, String text, Expr expr, long timeMs) {
        String failure = check(eval, text, () -> engine.instant(storage, expr, timeMs));
        if (failure != null || eval.fail() || !eval.checkedInRangeMode() || eval.ordered()
                || QUERY_CONTEXT_FUNCTIONS.matcher(text).find()) {
            return failure;
        }
        return rangeModeMismatch(eval, expr, timeMs);
    }

    private String check(ScriptCommand.Eval eval, String text, java.util.function.Supplier<Engine.Result<?>> query) {
        Engine.Result<?> result;
        try {
            result = query.get();
        } catch (RuntimeException e) {
            if (eval.fail()) {
                return expectedFailure(eval, e.getMessage());
            }
            return "error evaluating query " + GoQuote.quote(text) + ": " + e.getMessage();
        }
        if (eval.fail()) {
            return "expected error evaluating query " + GoQuote.quote(text) + " but got none";
        }
        String annotations = checkAnnotations(eval, text, result.annotations());
        return annotations != null ? annotations : compare(eval, result.value());
    }

    private static String expectedFailure(ScriptCommand.Eval eval, String actual) {
        for (ScriptCommand.ExpectLine e : eval.expectLines("fail")) {
            if (!e.matches(actual)) {
                return "expected error matching " + e.describe() + " but got: " + actual;
            }
        }
        return null;
    }

    /** promqltest's checkAnnotations: the flags, then every expected annotation found and every one expected. */
    private static String checkAnnotations(ScriptCommand.Eval eval, String text, Annotations annotations) {
        List<String> warnings = annotations.render(Annotations.Kind.WARNING, text);
        List<String> infos = annotations.render(Annotations.Kind.INFO, text);
        if (eval.flags().warn() && warnings.isEmpty()) {
            return "expected warnings but got none";
        }
        if (eval.flags().info() && infos.isEmpty()) {
            return "expected info annotations but got none";
        }
        String mismatch = annotationsMismatch("warn", eval.expectLines("warn"), warnings);
        if (mismatch == null) {
            mismatch = annotationsMismatch("info", eval.expectLines("info"), infos);
        }
        if (mismatch == null && !eval.expectLines("no_warn").isEmpty() && !warnings.isEmpty()) {
            mismatch = "unexpected warning annotations: " + warnings;
        }
        if (mismatch == null && !eval.expectLines("no_info").isEmpty() && !infos.isEmpty()) {
            mismatch = "unexpected info annotations: " + infos;
        }
        return mismatch;
    }

    private static String annotationsMismatch(String type, List<ScriptCommand.ExpectLine> expected,
                                              List<String> actual) {
        if (expected.isEmpty()) {
            return null;
        }
        if (actual.isEmpty()) {
            return "expected " + type + " annotations but none were found";
        }
        for (ScriptCommand.ExpectLine e : expected) {
            if (actual.stream().noneMatch(e::matches)) {
                return "expected " + type + " annotation matching " + e.describe() + " but found: " + actual;
            }
        }
        for (String a : actual) {
            if (expected.stream().noneMatch(e -> e.matches(a))) {
                return "unexpected " + type + " annotation " + GoQuote.quote(a);
            }
        }
        return null;
    }

    /**
     * Go's runner also evaluates the expression as a range query over [t-1m, t+1m] with a 1m step and checks the
     * point at t against the same expectations (ordering is undefined there, so ordered evals skip this).
     */
    private String rangeModeMismatch(ScriptCommand.Eval eval, Expr expr, long timeMs) {
        Matrix m;
        try {
            m = engine.rangeQuery(storage, expr, timeMs - 60_000, timeMs + 60_000, 60_000);
        } catch (RuntimeException e) {
            return "range mode: error evaluating query: " + e.getMessage();
        }
        List<Sample> atT = new ArrayList<>();
        for (Series s : m.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.timestamp(i) == timeMs) {
                    atT.add(new Sample(s.metric(), s.timestamp(i), s.value(i), false, s.histogram(i)));
                    break;
                }
            }
        }
        Value v = eval.scalar() != null && !atT.isEmpty() ? new Scalar(timeMs, atT.get(0).value()) : new Vector(atT);
        String mismatch = compare(eval, v);
        return mismatch == null ? null : "range mode: " + mismatch;
    }

    static String compare(ScriptCommand.Eval eval, Value result) {
        if (result instanceof StringValue s) {
            return s.value().equals(eval.expectedString()) ? null
                    : "expected string \"" + eval.expectedString() + "\" but got \"" + s.value() + "\"";
        }
        if (result instanceof Matrix m) {
            return compareMatrix(eval, m);
        }
        if (result instanceof Scalar s) {
            if (eval.scalar() == null) {
                return "expected vector or matrix result, but got scalar " + GoFloat.formatV(s.value());
            }
            return almostEqual(eval.scalar(), s.value()) ? null
                    : "expected scalar " + GoFloat.formatV(eval.scalar()) + " but got " + GoFloat.formatV(s.value());
        }
        if (!(result instanceof Vector vec)) {
            return "unexpected result type " + result.getClass().getSimpleName();
        }
        if (eval.scalar() != null) {
            return "expected scalar result, but got vector " + vec.samples();
        }
        Map<Labels, ScriptCommand.ExpectedSeries> expected = expectedByLabels(eval);
        Map<Labels, Boolean> seen = new HashMap<>();
        List<Sample> samples = vec.samples();
        for (int pos = 0; pos < samples.size(); pos++) {
            Sample s = samples.get(pos);
            ScriptCommand.ExpectedSeries exp = expected.get(s.metric());
            if (exp == null) {
                return "unexpected metric " + s.metric() + " in result, has value " + describe(s);
            }
            if (eval.ordered() && exp.position() != pos + 1) {
                return "expected metric " + s.metric() + " at position " + exp.position() + " but was at " + (pos + 1);
            }
            FloatHistogram expH = exp.histogram(0);
            if (expH == null && s.isHistogram()) {
                return "expected float value " + String.format(Locale.ROOT, "%f", exp.values()[0]) + " for "
                        + s.metric() + " but got histogram " + s.histogram().testExpression();
            }
            if (expH != null && !s.isHistogram()) {
                return "expected histogram " + expH.testExpression() + " for " + s.metric() + " but got float value "
                        + GoFloat.formatV(s.value());
            }
            if (expH != null && !histogramsMatch(expH, s.histogram(), exp.hintGiven().get(0))) {
                return "expected " + expH.testExpression() + " for " + s.metric() + " but got "
                        + s.histogram().testExpression();
            }
            if (!almostEqual(exp.values()[0], s.value())) {
                return "expected " + GoFloat.formatV(exp.values()[0]) + " for " + s.metric() + " but got "
                        + GoFloat.formatV(s.value());
            }
            seen.put(s.metric(), true);
        }
        for (Labels l : expected.keySet()) {
            if (!seen.containsKey(l)) {
                return "expected metric " + l + " not found; got " + samples;
            }
        }
        return null;
    }

    private static String compareMatrix(ScriptCommand.Eval eval, Matrix m) {
        if (!eval.range() && !eval.expectsRangeVector()) {
            return "received range result on instant evaluation";
        }
        if (eval.ordered()) {
            return "expected ordered result, but query returned a matrix";
        }
        if (eval.scalar() != null) {
            return "expected scalar result, but got matrix";
        }
        Map<Labels, ScriptCommand.ExpectedSeries> expected = expectedByLabels(eval);
        for (int i = 1; i < m.series().size(); i++) {
            if (m.series().get(i - 1).metric().compareTo(m.series().get(i).metric()) > 0) {
                return "matrix results should always be sorted by labels";
            }
        }
        for (Series s : m.series()) {
            ScriptCommand.ExpectedSeries exp = expected.remove(s.metric());
            if (exp == null) {
                return "unexpected metric " + s.metric() + " in result";
            }
            List<Long> floatTimes = new ArrayList<>();
            List<Double> floats = new ArrayList<>();
            List<Long> histogramTimes = new ArrayList<>();
            List<Integer> histogramSlots = new ArrayList<>();
            for (int i = 0; i < exp.values().length; i++) {
                long t = eval.startMs() + i * eval.stepMs();
                if (t > eval.endMs()) {
                    return "expected " + exp.values().length + " points for " + s.metric()
                            + ", but query time range cannot return this many points";
                }
                if (exp.histogram(i) != null) {
                    histogramTimes.add(t);
                    histogramSlots.add(i);
                } else if (!exp.omitted().get(i)) {
                    floatTimes.add(t);
                    floats.add(exp.values()[i]);
                }
            }
            List<Integer> actualFloats = new ArrayList<>();
            List<Integer> actualHistograms = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                (s.histogram(i) != null ? actualHistograms : actualFloats).add(i);
            }
            if (floatTimes.size() != actualFloats.size() || histogramTimes.size() != actualHistograms.size()) {
                return "expected " + floatTimes.size() + " float points and " + histogramTimes.size()
                        + " histogram points for " + s.metric() + ", but got " + points(s);
            }
            for (int k = 0; k < actualFloats.size(); k++) {
                int i = actualFloats.get(k);
                if (s.timestamp(i) != floatTimes.get(k)) {
                    return "expected float value at index " + k + " for " + s.metric() + " to have timestamp "
                            + floatTimes.get(k) + ", but it had timestamp " + s.timestamp(i) + " " + points(s);
                }
                if (!almostEqual(s.value(i), floats.get(k))) {
                    return "expected float value at index " + k + " (t=" + s.timestamp(i) + ") for " + s.metric()
                            + " to be " + GoFloat.formatV(floats.get(k)) + ", but got "
                            + GoFloat.formatV(s.value(i)) + " " + points(s);
                }
            }
            for (int k = 0; k < actualHistograms.size(); k++) {
                int i = actualHistograms.get(k);
                int slot = histogramSlots.get(k);
                if (s.timestamp(i) != histogramTimes.get(k)) {
                    return "expected histogram value at index " + k + " for " + s.metric() + " to have timestamp "
                            + histogramTimes.get(k) + ", but it had timestamp " + s.timestamp(i) + " " + points(s);
                }
                if (!histogramsMatch(exp.histogram(slot), s.histogram(i), exp.hintGiven().get(slot))) {
                    return "expected histogram value at index " + k + " (t=" + s.timestamp(i) + ") for " + s.metric()
                            + " to be " + exp.histogram(slot).testExpression() + ", but got "
                            + s.histogram(i).testExpression() + " " + points(s);
                }
            }
        }
        return expected.isEmpty() ? null : "expected metric " + expected.keySet().iterator().next() + " not found";
    }

    private static String points(Series s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.size(); i++) {
            b.append(i == 0 ? "" : " ").append(s.histogram(i) != null ? s.histogram(i).testExpression()
                    : GoFloat.formatV(s.value(i))).append(" @[").append(s.timestamp(i)).append(']');
        }
        return b.append(']').toString();
    }

    private static String describe(Sample s) {
        return s.isHistogram() ? s.histogram().testExpression() : GoFloat.formatV(s.value());
    }

    /**
     * promqltest's compareNativeHistogram of both histograms compacted: same schema, zero threshold, custom bounds
     * and bucket layout, counts and sum almost equal, the counter reset hint only when the expectation names one.
     */
    static boolean histogramsMatch(FloatHistogram expected, FloatHistogram actual, boolean compareHint) {
        FloatHistogram exp = expected.compact(0);
        FloatHistogram cur = actual.compact(0);
        return exp.schema() == cur.schema() && almostEqual(exp.count(), cur.count())
                && almostEqual(exp.sum(), cur.sum())
                && (!exp.usesCustomBuckets() || Arrays.equals(exp.customValues(), cur.customValues()))
                && exp.zeroThreshold() == cur.zeroThreshold() && almostEqual(exp.zeroCount(), cur.zeroCount())
                && FloatHistogram.spansMatch(exp.negativeSpans(), cur.negativeSpans())
                && almostEqual(exp.negativeBuckets(), cur.negativeBuckets())
                && FloatHistogram.spansMatch(exp.positiveSpans(), cur.positiveSpans())
                && almostEqual(exp.positiveBuckets(), cur.positiveBuckets())
                && (!compareHint || exp.counterResetHint() == cur.counterResetHint());
    }

    private static boolean almostEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!almostEqual(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<Labels, ScriptCommand.ExpectedSeries> expectedByLabels(ScriptCommand.Eval eval) {
        Map<Labels, ScriptCommand.ExpectedSeries> expected = new LinkedHashMap<>();
        for (ScriptCommand.ExpectedSeries e : eval.expected()) {
            expected.put(Labels.of(e.labels()), e);
        }
        return expected;
    }

    /** Go's {@code almost.Equal} with the test scripts' epsilon. */
    static boolean almostEqual(double a, double b) {
        return Almost.equal(a, b, EPSILON);
    }
}
