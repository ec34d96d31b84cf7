package io.sloc.promql.script;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes test-script commands against a fresh in-memory storage with the engine settings of Prometheus's test
 * scripts (5m lookback, 1m default subquery step, 10000 max samples).
 */
final class ScriptRunner {
    static final double EPSILON = 0.000001;
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private final Engine engine = new Engine(EngineOptions.defaults().withMaxSamples(10000));
    private MemoryStorage storage = new MemoryStorage();

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
            defs.forEach((labels, s) -> {
                for (int i = 0; i < s.values().length; i++) {
                    if (!s.omitted().get(i)) {
                        storage.append(labels, i * load.stepMs(), s.values()[i]);
                    }
                }
            });
        }
    }

    /**
     * Runs an eval command; returns null when it passes, else the failure message. Like Go's runner it also
     * evaluates the @-pinned expression at other times and the expression in range mode.
     */
    String run(ScriptCommand.Eval eval) {
        Expr expr = PromqlParser.parse(eval.expr());
        String failure = check(eval, expr, eval.atMs(), true);
        Expr pinned = AtModifierCases.pin(expr, eval.atMs());
        if (pinned != null) {
            for (long t : AtModifierCases.evalTimes(eval.atMs())) {
                if (failure == null) {
                    String f = check(eval, pinned, t, false);
                    failure = f == null ? null : "with @ " + eval.atMs() + " evaluated at " + t + "ms: " + f;
                }
            }
        }
        return failure == null ? null : failure + " (line " + eval.line() + ")";
    }

    private String check(ScriptCommand.Eval eval, Expr expr, long timeMs, boolean rangeMode) {
        Value result;
        try {
            result = engine.instantQuery(storage, expr, timeMs);
        } catch (RuntimeException e) {
            if (eval.fail()) {
                return null;
            }
            return "error evaluating query " + quote(eval.expr()) + ": " + e;
        }
        if (eval.fail()) {
            return "expected error evaluating query " + quote(eval.expr()) + " but got none";
        }
        String mismatch = compare(eval, result);
        if (mismatch == null && rangeMode && !eval.ordered()) {
            mismatch = rangeModeMismatch(eval, expr, result);
        }
        return mismatch;
    }

    /**
     * Go's runner also evaluates the expression as a range query over [t-1m, t+1m] with a 1m step and checks the
     * point at t against the same expectations (ordering is undefined there, so eval_ordered skips this).
     */
    private String rangeModeMismatch(ScriptCommand.Eval eval, Expr expr, Value instant) {
        Matrix m;
        try {
            m = engine.rangeQuery(storage, expr, eval.atMs() - 60_000, eval.atMs() + 60_000, 60_000);
        } catch (RuntimeException e) {
            return "range mode: error evaluating query: " + e;
        }
        List<Sample> atT = new java.util.ArrayList<>();
        for (io.sloc.promql.value.Series s : m.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.timestamp(i) == eval.atMs()) {
                    atT.add(new Sample(s.metric(), s.timestamp(i), s.value(i)));
                    break;
                }
            }
        }
        Value v = instant instanceof Scalar && !atT.isEmpty() ? new Scalar(eval.atMs(), atT.get(0).value())
                : new Vector(atT);
        String mismatch = compare(eval, v);
        return mismatch == null ? null : "range mode: " + mismatch;
    }

    private static String quote(String s) {
        return io.sloc.golang.strconv.GoQuote.quote(s);
    }

    static String compare(ScriptCommand.Eval eval, Value result) {
        if (result instanceof Matrix) {
            return "received range result on instant evaluation";
        }
        if (result instanceof Scalar s) {
            if (eval.scalar() == null) {
                return "expected vector result but got scalar " + GoFloat.formatV(s.value());
            }
            if (!almostEqual(eval.scalar(), s.value())) {
                return "expected Scalar " + GoFloat.formatV(s.value()) + " but got "
                        + GoFloat.formatV(eval.scalar());
            }
            return null;
        }
        if (!(result instanceof Vector vec)) {
            return "unexpected result type " + result.getClass().getSimpleName();
        }
        if (eval.scalar() != null) {
            return "expected scalar " + GoFloat.formatV(eval.scalar()) + " but got a vector";
        }
        Map<Labels, ScriptCommand.ExpectedSample> expected = new HashMap<>();
        for (ScriptCommand.ExpectedSample e : eval.expected()) {
            expected.put(Labels.of(e.labels()), e);
        }
        Map<Labels, Boolean> seen = new HashMap<>();
        List<Sample> samples = vec.samples();
        for (int pos = 0; pos < samples.size(); pos++) {
            Sample s = samples.get(pos);
            ScriptCommand.ExpectedSample exp = expected.get(s.metric());
            if (exp == null) {
                return "unexpected metric " + s.metric() + " in result";
            }
            if (eval.ordered() && exp.position() != pos + 1) {
                return "expected metric " + s.metric() + " with [" + GoFloat.formatV(exp.value())
                        + "] at position " + exp.position() + " but was at " + (pos + 1);
            }
            if (!almostEqual(exp.value(), s.value())) {
                return "expected " + GoFloat.formatV(exp.value()) + " for " + s.metric() + " but got "
                        + GoFloat.formatV(s.value());
            }
            seen.put(s.metric(), true);
        }
        for (Map.Entry<Labels, ScriptCommand.ExpectedSample> e : expected.entrySet()) {
            if (!seen.containsKey(e.getKey())) {
                return "expected metric " + e.getKey() + " with [" + GoFloat.formatV(e.getValue().value())
                        + "] not found; got " + samples;
            }
        }
        return null;
    }

    /** Go's test almostEqual: NaN equals NaN, else relative error below 1e-6. */
    static boolean almostEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || diff < MIN_NORMAL) {
            return diff < EPSILON * MIN_NORMAL;
        }
        return diff / (Math.abs(a) + Math.abs(b)) < EPSILON;
    }
}
