package io.sloc.promql.engine;

import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.storage.Queryable;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * PromQL evaluation engine. Apart from its options it keeps, per storage, the inner steps of subqueries (see
 * SubqueryCache); queries on one storage must not run concurrently (its series keep sliding-window cursors, see
 * SlidingWindowFunctions).
 */
public final class Engine {
    /** The most prepared queries an engine keeps; past it, they are forgotten and prepared again. */
    private static final int MAX_PREPARED = 1_000;

    private final EngineOptions options;
    private final boolean keepsSubquerySteps;
    private final Map<Queryable, SubqueryCache> subqueryCaches = new WeakHashMap<>();
    /**
     * Instant queries prepared once per parsed expression (by identity), for expressions that hold nothing to resolve
     * at query time: rule tests run the same queries at every step.
     */
    private final Map<Expr, Prepared> prepared = new IdentityHashMap<>();

    /** A query ready to evaluate: duration expressions resolved, the selectors reading histogram stats only found. */
    private record Prepared(Expr resolved, Set<VectorSelector> statsOnlySelectors) {
    }

    public Engine(EngineOptions options) {
        this(options, true);
    }

    /** An engine that keeps subquery steps across queries or (to compare) evaluates them every time. */
    Engine(EngineOptions options, boolean keepsSubquerySteps) {
        this.options = options;
        this.keepsSubquerySteps = keepsSubquerySteps;
    }

    public Engine() {
        this(EngineOptions.defaults());
    }

    public EngineOptions options() {
        return options;
    }

    /** A query's value and the annotations (warnings, infos) raised computing it. */
    public record Result<V extends Value>(V value, Annotations annotations) {
    }

    /**
     * Evaluates {@code expr} at {@code timeMs}. Vector samples carry {@code timeMs} as their timestamp; a top-level
     * range selector or subquery gives a {@link Matrix}.
     *
     * @throws PromqlEvalException with Prometheus's message when evaluation fails
     */
    public Value instantQuery(Queryable storage, Expr expr, long timeMs) {
        return instant(storage, expr, timeMs).value();
    }

    /** {@link #instantQuery} with the annotations. */
    public Result<Value> instant(Queryable storage, Expr expr, long timeMs) {
        Prepared query = preparedInstant(expr, timeMs);
        Expr resolved = query.resolved();
        Evaluator ev = new Evaluator(storage, options, query.statsOnlySelectors(), timeMs, timeMs,
                () -> subqueryCache(storage, expr, resolved));
        Value v = ev.eval(resolved, timeMs);
        if (v instanceof Vector vec) {
            v = stampedAt(removeDelayedNames(vec), timeMs);
        } else if (v instanceof Matrix m) {
            v = removeDelayedNames(m);
        } else if (v instanceof Scalar s) {
            v = new Scalar(timeMs, s.value());
        }
        return new Result<>(v, ev.annotations());
    }

    /** {@code expr} prepared as an instant query at {@code timeMs}, kept when that time changes nothing. */
    private Prepared preparedInstant(Expr expr, long timeMs) {
        synchronized (prepared) {
            Prepared known = prepared.get(expr);
            if (known != null) {
                return known;
            }
        }
        Prepared query = prepare(expr, timeMs, timeMs, 0);
        if (query.resolved() == expr) { // nothing resolved: no query context function, no duration expression
            synchronized (prepared) {
                if (prepared.size() >= MAX_PREPARED) {
                    prepared.clear();
                }
                prepared.put(expr, query);
            }
        }
        return query;
    }

    private Prepared prepare(Expr expr, long startMs, long endMs, long stepMs) {
        Expr resolved = DurationExpressions.resolve(expr, startMs, endMs, stepMs);
        return new Prepared(resolved, HistogramStatsReads.selectors(resolved, options.profile()));
    }

    /** The vector with every sample stamped at {@code timeMs} (selectors keep their samples' own times). */
    private static Vector stampedAt(Vector vec, long timeMs) {
        for (int i = 0; i < vec.size(); i++) { // no iterator: every query
            if (vec.get(i).timestampMs() != timeMs) {
                List<Sample> out = new ArrayList<>(vec.size());
                for (Sample t : vec.samples()) {
                    out.add(t.timestampMs() == timeMs ? t
                            : new Sample(t.metric(), timeMs, t.value(), false, t.histogram()));
                }
                return Vector.handedOver(out);
            }
        }
        return vec;
    }

    /**
     * Evaluates {@code expr} at every step from start to end (inclusive) and returns one series per label set,
     * sorted by labels as Prometheus sorts range-query results. Scalars become a series with no labels.
     */
    public Matrix rangeQuery(Queryable storage, Expr expr, long startMs, long endMs, long stepMs) {
        return range(storage, expr, startMs, endMs, stepMs).value();
    }

    /** {@link #rangeQuery} with the annotations. */
    public Result<Matrix> range(Queryable storage, Expr expr, long startMs, long endMs, long stepMs) {
        if (stepMs <= 0 || endMs < startMs) {
            throw new IllegalArgumentException("need step > 0 and end >= start");
        }
        Prepared query = prepare(expr, startMs, endMs, stepMs);
        Expr resolved = query.resolved();
        Evaluator ev = new Evaluator(storage, options, query.statsOnlySelectors(), startMs, endMs,
                () -> subqueryCache(storage, expr, resolved));
        Map<Labels, Evaluator.PointsBuilder> bySeries = new LinkedHashMap<>();
        for (long t = startMs; t <= endMs; t += stepMs) {
            Value v = ev.eval(resolved, t);
            if (v instanceof Scalar s) {
                bySeries.computeIfAbsent(Labels.EMPTY, k -> new Evaluator.PointsBuilder())
                        .add(t, s.value());
            } else if (v instanceof Vector vec) {
                for (Sample s : removeDelayedNames(vec).samples()) {
                    bySeries.computeIfAbsent(s.metric(), k -> new Evaluator.PointsBuilder()).add(t, s);
                }
            } else {
                throw new PromqlEvalException("invalid expression type \"range vector\" for range query, must be "
                        + "Scalar or instant Vector");
            }
        }
        List<Series> series = new ArrayList<>();
        bySeries.forEach((labels, points) -> series.add(points.build(labels)));
        series.sort((a, b) -> a.metric().compareTo(b.metric()));
        return new Result<>(new Matrix(series), ev.annotations());
    }

    /**
     * The subquery steps kept for queries on {@code storage}, brought up to date with its writes; none under a sample
     * limit, or when the query had query context functions or duration expressions (resolved into new nodes).
     */
    private synchronized SubqueryCache subqueryCache(Queryable storage, Expr query, Expr resolved) {
        if (!keepsSubquerySteps || options.maxSamples() > 0 || resolved != query) {
            return null;
        }
        SubqueryCache cache = subqueryCaches.computeIfAbsent(storage, SubqueryCache::new);
        cache.forgetWritten();
        return cache;
    }

    /**
     * Delayed name removal's last step: drops the metadata labels of marked samples; two samples left with one
     * label set are an error.
     */
    private Vector removeDelayedNames(Vector vec) {
        if (!options.profile().delayedNameRemoval()) {
            return vec;
        }
        List<Sample> out = new ArrayList<>(vec.size());
        for (Sample s : vec.samples()) {
            out.add(s.dropName() ? new Sample(s.metric().withoutMetadataLabels(), s.timestampMs(), s.value(), false,
                    s.histogram()) : s);
        }
        Vector cleaned = Vector.handedOver(out);
        if (cleaned.containsSameLabelset()) {
            throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
        return cleaned;
    }

    /** The same for a range vector result: series left with one label set merge unless their points collide. */
    private Matrix removeDelayedNames(Matrix m) {
        if (!options.profile().delayedNameRemoval()) {
            return m;
        }
        Map<Labels, List<Series>> byLabels = new LinkedHashMap<>();
        for (Series s : m.series()) {
            Labels labels = s.dropName() ? s.metric().withoutMetadataLabels() : s.metric();
            byLabels.computeIfAbsent(labels, k -> new ArrayList<>()).add(s);
        }
        List<Series> out = new ArrayList<>(byLabels.size());
        byLabels.forEach((labels, parts) -> out.add(merged(labels, parts)));
        return new Matrix(out);
    }

    private static Series merged(Labels labels, List<Series> parts) {
        TreeMap<Long, Sample> points = new TreeMap<>();
        for (Series s : parts) {
            for (int i = 0; i < s.size(); i++) {
                Sample point = new Sample(labels, s.timestamp(i), s.value(i), false, s.histogram(i));
                if (points.put(s.timestamp(i), point) != null) {
                    throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
                }
            }
        }
        Evaluator.PointsBuilder b = new Evaluator.PointsBuilder();
        points.forEach(b::add);
        return b.build(labels);
    }
}
