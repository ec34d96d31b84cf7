package io.sloc.promql.engine;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.storage.Queryable;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StoredSeries;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates one query: every node at one step time {@code t} (ms). Subqueries evaluate their inner expression at
 * each of their own steps, which gives the same answers as Prometheus's range evaluation.
 * Vector selectors return samples stamped with the sample's own time (which {@code timestamp()} reports); every
 * other operation stamps its output with {@code t}.
 */
final class Evaluator {
    /** The most points per series a subquery reserves up front (more grow as needed). */
    private static final int MAX_PRESIZED_POINTS = 4096;

    private final Queryable storage;
    private final EngineOptions options;
    private final long queryStartMs;
    private final long queryEndMs;
    /** Samples currently held, counted as Prometheus's evaluator counts them (for the maxSamples limit). */
    private long currentSamples;
    /** Whether a sample limit applies: without one, nothing reads the counts, and nodes are evaluated directly. */
    private final boolean limitsSamples;
    /** How values count for that limit under the profile. */
    private final SampleWeights weights;
    /** The samples of the values {@link #eval} returned so far while evaluating the current node: its inputs. */
    private long evaluatedPoints;
    /** Warnings and infos raised while evaluating (Prometheus 3 annotations). */
    private final Annotations annotations = new Annotations();
    /** Whether the steps being evaluated are several: the query's, or those of the subquery being evaluated. */
    private boolean severalSteps;
    /** Inside a tracked subquery: the per-node step outputs, to check Prometheus's range-mode peak. */
    private RangeModePeak rangeMode;
    /** The selectors whose histograms are read as count and sum only, and their series' read positions. */
    private final HistogramStatsReads statsReads;
    /** Where the subquery steps kept from earlier queries on this storage come from (null when none are kept). */
    private final Supplier<SubqueryCache> subqueryCache;
    /** Those steps, once the first subquery asked for them. */
    private SubqueryCache subqueries;

    /**
     * An evaluator for a query over [queryStartMs, queryEndMs] whose selectors {@code statsOnlySelectors} read
     * histograms as count and sum only (see {@link HistogramStatsReads#selectors}), reusing and adding to the kept
     * subquery steps that {@code subqueryCache} gives when a subquery first needs them.
     */
    Evaluator(Queryable storage, EngineOptions options, Set<VectorSelector> statsOnlySelectors, long queryStartMs,
              long queryEndMs, Supplier<SubqueryCache> subqueryCache) {
        this.storage = storage;
        this.subqueryCache = subqueryCache;
        this.options = options;
        this.queryStartMs = queryStartMs;
        this.queryEndMs = queryEndMs;
        this.severalSteps = queryStartMs != queryEndMs;
        this.limitsSamples = options.maxSamples() > 0;
        this.statsReads = HistogramStatsReads.over(statsOnlySelectors);
        this.weights = new SampleWeights(options.profile());
    }

    /** True while evaluating a range of steps (a range query, a subquery of more than one step). */
    boolean evaluatesSeveralSteps() {
        return severalSteps;
    }

    PromqlProfile profile() {
        return options.profile();
    }

    Annotations annotations() {
        return annotations;
    }

    /**
     * Evaluates a node at step t, keeping Prometheus's sample count: nodes that Prometheus evaluates with
     * {@code rangeEval} (literals, operators, functions without a range argument, 2.42's aggregations) count their
     * inputs a second time while gathering them, then hold only their output; 3.x's aggregations only hold their
     * inputs, then their output.
     */
    Value eval(Expr e, long t) {
        if (!limitsSamples) {
            return evalNode(e, t);
        }
        long outerPoints = evaluatedPoints;
        evaluatedPoints = 0;
        Value v = evalCounted(e, t);
        evaluatedPoints = outerPoints + SampleWeights.points(v);
        return v;
    }

    private Value evalCounted(Expr e, long t) {
        if (!isRangeEvalNode(e)) {
            Value v = evalNode(e, t);
            if (rangeMode != null) {
                rangeMode.record(e, weights.held(v), 0);
            }
            return v;
        }
        long original = currentSamples;
        Value v = evalNode(e, t);
        long inputs = evaluatedPoints; // the samples of the values the node evaluated
        long out = weights.held(v);
        if (!(e instanceof AggregateExpr a) || a.op() == AggregationOp.COUNT_VALUES
                || profile().aggregationsGatherTheirInputs()) {
            if (!readsSelectorPerStep(e)) {
                addSamples(inputs); // the step's inputs, gathered again
            }
            addSamples(weights.stepOutput(v));
        }
        currentSamples = original + out;
        if (rangeMode != null) {
            rangeMode.record(e, out, inputs);
        }
        return v;
    }

    private static boolean isRangeEvalNode(Expr e) {
        if (e instanceof NumberLiteral || e instanceof BinaryExpr || e instanceof AggregateExpr) {
            return true;
        }
        if (e instanceof Call c) {
            for (int i = 0; i < c.args().size(); i++) { // no iterator: asked at every node of every step
                if (c.args().get(i).type() == ValueType.MATRIX) {
                    return false; // Prometheus evaluates calls with a range argument series by series instead
                }
            }
            return true;
        }
        return false;
    }

    /**
     * timestamp() of a plain selector: Prometheus reads the selector inside the step's function call, so its samples
     * are counted once, as read, not gathered again.
     */
    private boolean readsSelectorPerStep(Expr e) {
        return e instanceof Call c && TimeFunctions.readsSampleTimestamps(this, c);
    }

    /**
     * A plain selector's samples at t for their timestamps (timestamp, start_timestamp), each valued with its start
     * timestamp (ms, 0 if unknown): a native histogram counts as one sample, and as the call's input.
     */
    Vector selectForTimestamps(VectorSelector vs, long t) {
        Vector v = selectInstant(vs, t, true);
        evaluatedPoints += v.size();
        return v;
    }

    /** How values count for the sample limit under this query's profile. */
    SampleWeights weights() {
        return weights;
    }

    /** Counts samples now held in memory; Prometheus fails the query once they exceed the maximum. */
    void addSamples(long n) {
        if (limitsSamples && currentSamples + n > options.maxSamples()) {
            throw new PromqlEvalException(
                    "query processing would load too many samples into memory in query execution");
        }
        currentSamples += n;
    }

    void releaseSamples(long n) {
        currentSamples -= n;
    }

    private Value evalNode(Expr e, long t) {
        if (e instanceof NumberLiteral n) {
            return new Scalar(t, n.value());
        }
        if (e instanceof StringLiteral s) {
            return new StringValue(t, s.value());
        }
        if (e instanceof ParenExpr p) {
            return eval(p.expr(), t);
        }
        if (e instanceof VectorSelector vs) {
            return selectInstant(vs, t);
        }
        if (e instanceof MatrixSelector || e instanceof SubqueryExpr) {
            RangeArgument r = evalRange(e, t);
            Matrix m = new Matrix(r.extension() == RangeExtension.NONE ? r.series() : withEdges(r));
            if (e instanceof MatrixSelector) {
                addSamples(weights.held(m));
            }
            return m;
        }
        if (e instanceof UnaryExpr u) {
            return evalUnary(u, t);
        }
        if (e instanceof BinaryExpr b) {
            return BinaryOperators.eval(this, b, t);
        }
        if (e instanceof AggregateExpr a) {
            return Aggregations.eval(this, a, t);
        }
        if (e instanceof Call c) {
            return FunctionCalls.call(this, c, t);
        }
        throw new IllegalStateException("unknown expression node " + e.getClass().getSimpleName());
    }

    Vector evalVector(Expr e, long t) {
        Value v = eval(e, t);
        if (v instanceof Vector vec) {
            return vec;
        }
        throw new IllegalStateException("expected instant vector, got " + v.getClass().getSimpleName());
    }

    double evalScalar(Expr e, long t) {
        Value v = eval(e, t);
        if (v instanceof Scalar s) {
            return s.value();
        }
        throw new IllegalStateException("expected scalar, got " + v.getClass().getSimpleName());
    }

    String evalString(Expr e, long t) {
        Value v = eval(e, t);
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw new IllegalStateException("expected string, got " + v.getClass().getSimpleName());
    }

    private Value evalUnary(UnaryExpr u, long t) {
        Value v = eval(u.expr(), t);
        if (!u.negate()) {
            return v;
        }
        if (v instanceof Scalar s) {
            return new Scalar(t, -s.value());
        }
        Vector vec = (Vector) v;
        List<Sample> out = new ArrayList<>(vec.size());
        for (Sample s : vec.samples()) {
            out.add(s.isHistogram() ? nameDropped(s.metric(), t, s.histogram().mul(-1))
                    : nameDropped(s.metric(), t, -s.value()));
        }
        return checkedVector(out);
    }

    /** The labels of a result whose meaning differs from its input's: without the metric name (3.x: metadata). */
    Labels withoutMetricName(Labels metric) {
        return profile().dropsMetadataLabels() ? metric.withoutMetadataLabels() : metric.withoutMetricName();
    }

    /**
     * A sample of an operation that drops the metric name: dropped now, or (delayed name removal) marked to be
     * dropped when the query ends, so that label_replace/label_join and by(__name__) can still read it.
     */
    Sample nameDropped(Labels metric, long t, double value) {
        if (profile().delayedNameRemoval()) {
            return new Sample(metric, t, value, true);
        }
        return new Sample(withoutMetricName(metric), t, value);
    }

    /** {@link #nameDropped(Labels, long, double)} with a histogram value. */
    Sample nameDropped(Labels metric, long t, FloatHistogram h) {
        boolean delayed = profile().delayedNameRemoval();
        return new Sample(delayed ? metric : withoutMetricName(metric), t, h, delayed);
    }

    /** {@link #nameDropped(Labels, long, double)} for a stored series, whose name-less labels are computed once. */
    Sample nameDropped(StoredSeries series, long t, double value) {
        if (profile().delayedNameRemoval()) {
            return new Sample(series.labels(), t, value, true);
        }
        return new Sample(profile().dropsMetadataLabels() ? series.labelsWithoutMetadata() : series.labelsWithoutName(),
                t, value);
    }

    /**
     * A vector result of an operation; Prometheus rejects duplicate label sets after each step (with delayed name
     * removal only once the names are dropped, at the query's end). The list is handed over to the vector.
     */
    Vector checkedVector(List<Sample> samples) {
        Vector v = Vector.handedOver(samples);
        if (!profile().delayedNameRemoval() && v.containsSameLabelset()) {
            throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
        return v;
    }

    /** The time a selector or subquery looks at: its @ time (or t) minus its offset. */
    private long referenceTime(AtModifier at, long offsetMs, long t) {
        long base = t;
        if (at != null) {
            switch (at.kind()) {
                case START:
                    base = queryStartMs;
                    break;
                case END:
                    base = queryEndMs;
                    break;
                default:
                    base = at.timestampMs();
            }
        }
        return base - offsetMs;
    }

    /**
     * The selector's series. The storage keeps each selection until a series is added, which no query does: every
     * step of a query, and every query of a rule, gets the same list without matching again.
     */
    List<StoredSeries> select(VectorSelector vs) {
        return storage.select(vs.matchers());
    }

    /** A top-level anchored or smoothed range: each series with points at the range's edges. */
    private static List<Series> withEdges(RangeArgument r) {
        List<Series> out = new ArrayList<>(r.series().size());
        for (Series s : r.series()) {
            Series extended = ExtendedRanges.extend(s, r.rangeStartMs(), r.rangeEndMs(),
                    r.extension() == RangeExtension.SMOOTHED);
            if (extended != null) {
                out.add(extended);
            }
        }
        return out;
    }

    private Vector selectInstant(VectorSelector vs, long t) {
        if (vs.extension() == RangeExtension.SMOOTHED) {
            return selectSmoothed(vs, t);
        }
        return selectInstant(vs, t, false);
    }

    private Vector selectInstant(VectorSelector vs, long t, boolean startTimestamps) {
        long ref = referenceTime(vs.at(), vs.offsetMs(), t);
        long oldest = options.profile().lookbackFirstTimestamp(ref, options.lookbackDeltaMs());
        boolean statsOnly = statsReads.covers(vs) && !startTimestamps;
        List<StoredSeries> selected = select(vs);
        List<Sample> out = new ArrayList<>(selected.size());
        for (int k = 0; k < selected.size(); k++) {
            StoredSeries s = selected.get(k);
            int readFrom = statsOnly && s.hasHistograms() ? statsReads.seek(vs, k, s,
                    ref - options.lookbackDeltaMs(), ref, s.firstIndexAtOrAfter(oldest)) : -1;
            int i = s.lastIndexAtOrBefore(ref);
            if (i < 0 || s.timestamp(i) < oldest) {
                continue;
            }
            FloatHistogram h = !s.hasHistograms() || startTimestamps ? null
                    : readFrom >= 0 ? HistogramStatsReads.histogram(s, i, readFrom) : s.histogram(i);
            double v = s.value(i);
            if (h != null) {
                addSamples(weights.point(h));
                out.add(new Sample(s.labels(), s.timestamp(i), h, false));
            } else if (!StaleMarker.is(v)) {
                addSamples(1);
                out.add(new Sample(s.labels(), s.timestamp(i), startTimestamps ? s.startTimestamp(i) : v));
            }
        }
        return Vector.handedOver(out);
    }

    /** A matrix selector or subquery evaluated at step t, for a function argument or a top-level range query. */
    RangeArgument evalRange(Expr e, long t) {
        if (e instanceof ParenExpr p) {
            return evalRange(p.expr(), t);
        }
        if (e instanceof MatrixSelector m) {
            return selectRange(m, t);
        }
        if (e instanceof SubqueryExpr sq) {
            return evalSubquery(sq, t);
        }
        throw new IllegalStateException("expected range vector, got " + e.getClass().getSimpleName());
    }

    /** The end of the window a matrix selector reads at step t (its @ time or t, minus its offset). */
    long windowEnd(MatrixSelector m, long t) {
        return referenceTime(m.selector().at(), m.selector().offsetMs(), t);
    }

    Expr unwrapParens(Expr e) {
        return e instanceof ParenExpr p ? unwrapParens(p.expr()) : e;
    }

    /** A smoothed instant selector: each series' value at the reference time, interpolated if need be. */
    private Vector selectSmoothed(VectorSelector vs, long t) {
        long ref = referenceTime(vs.at(), vs.offsetMs(), t);
        long lookback = options.lookbackDeltaMs();
        List<Sample> out = new ArrayList<>();
        double[] value = new double[1];
        // The iterator buffers the query's whole duration besides the lookback on both sides: it never jumps.
        long readFrom = ref - lookback - (queryEndMs - queryStartMs);
        for (Series window : window(vs, ref - lookback, ref + lookback, readFrom)) {
            if (HistogramRangeFunctions.holdsHistograms(window)) {
                FloatHistogram h = HistogramRangeFunctions.smoothedValue(this, vs, window, ref);
                if (h != null) {
                    addSamples(weights.point(h));
                    out.add(new Sample(window.metric(), t, h, false));
                }
            } else if (ExtendedRanges.smoothedValue(window, ref, value)) {
                addSamples(1);
                out.add(new Sample(window.metric(), t, value[0]));
            }
        }
        return Vector.handedOver(out);
    }

    private RangeArgument selectRange(MatrixSelector m, long t) {
        VectorSelector vs = m.selector();
        long end = referenceTime(vs.at(), vs.offsetMs(), t);
        long start = end - m.rangeMs();
        // Anchored and smoothed selectors also read a lookback delta before the range, smoothed ones after it too.
        long lookback = vs.extension() == RangeExtension.NONE ? 0 : options.lookbackDeltaMs();
        long last = vs.extension() == RangeExtension.SMOOTHED ? end + lookback : end;
        return new RangeArgument(window(vs, start - lookback, last, start - lookback), start, end, m.rangeMs(),
                vs.extension());
    }

    /**
     * Each selected series' points after {@code startMs} (from it on in 2.42) up to {@code endMs}, stale markers
     * removed; a stats-only selector's iterator reads from {@code readFromMs} on.
     */
    private List<Series> window(VectorSelector vs, long startMs, long endMs, long readFromMs) {
        long first = options.profile().rangeWindowFirstTimestamp(startMs, 0);
        boolean withStartTimestamps = options.profile().usesStartTimestamps();
        boolean statsOnly = statsReads.covers(vs);
        List<Series> out = new ArrayList<>();
        List<StoredSeries> selected = select(vs);
        for (int k = 0; k < selected.size(); k++) {
            StoredSeries s = selected.get(k);
            int from = s.firstIndexAtOrAfter(first);
            int to = s.lastIndexAtOrBefore(endMs);
            int readFrom = statsOnly && s.hasHistograms() ? statsReads.seek(vs, k, s, readFromMs, endMs, from) : -1;
            if (to < from) {
                continue;
            }
            long[] ts = new long[to - from + 1];
            double[] vals = new double[to - from + 1];
            long[] sts = withStartTimestamps && s.hasStartTimestamps() ? new long[to - from + 1] : null;
            FloatHistogram[] hs = s.hasHistograms() ? new FloatHistogram[to - from + 1] : null;
            int n = 0;
            for (int i = from; i <= to; i++) {
                double v = s.value(i);
                FloatHistogram h = hs == null ? null
                        : readFrom >= 0 ? HistogramStatsReads.histogram(s, i, readFrom) : s.histogram(i);
                if (h != null || !StaleMarker.is(v)) {
                    if (sts != null) {
                        sts[n] = s.startTimestamp(i);
                    }
                    if (h != null) {
                        hs[n] = h;
                    }
                    ts[n] = s.timestamp(i);
                    vals[n++] = v;
                }
            }
            if (n > 0) {
                out.add(new Series(s.labels(), ts, vals, n, false, sts, hs));
            }
        }
        return out;
    }

    private RangeArgument evalSubquery(SubqueryExpr sq, long t) {
        long end = referenceTime(sq.at(), sq.offsetMs(), t);
        long start = end - sq.rangeMs();
        long step = sq.stepMs() > 0 ? sq.stepMs() : options.defaultSubqueryStepMs();
        long first = options.profile().subqueryFirstStep(start, step);
        // Each inner step leaves its output counted, so the subquery ends up holding all its points.
        boolean track = limitsSamples && rangeMode == null && RangeModePeak.supports(sq.expr());
        long base = currentSamples;
        Map<Labels, PointsBuilder> bySeries = new HashMap<>();
        if (track) {
            rangeMode = new RangeModePeak();
        }
        boolean outerSeveralSteps = severalSteps;
        severalSteps = first != end;
        if (subqueries == null) {
            subqueries = subqueryCache.get(); // null under a sample limit: its accounting counts every inner step
        }
        SubqueryCache.Steps kept = subqueries == null ? null : subqueries.steps(sq, step, severalSteps);
        if (kept != null) {
            kept.slideTo(first);
        }
        int steps = first > end ? 0 : (int) Math.min((end - first) / step + 1, MAX_PRESIZED_POINTS);
        // Steps mostly return the same series in the same order: the previous step's builders, by position.
        List<Sample> previous = List.of();
        PointsBuilder[] previousBuilders = new PointsBuilder[0];
        try {
            for (long ts = first; ts <= end; ts += step) {
                Value v = kept == null ? eval(sq.expr(), ts) : evalKept(kept, sq.expr(), ts);
                if (v instanceof Scalar s) {
                    bySeries.computeIfAbsent(Labels.EMPTY, k -> new PointsBuilder(false, steps)).add(ts, s.value());
                    continue;
                }
                List<Sample> samples = ((Vector) v).samples();
                PointsBuilder[] builders = samples.size() == previousBuilders.length ? previousBuilders
                        : new PointsBuilder[samples.size()];
                for (int i = 0; i < samples.size(); i++) {
                    Sample s = samples.get(i);
                    if (builders != previousBuilders || previous.get(i).metric() != s.metric()) {
                        builders[i] = bySeries.computeIfAbsent(s.metric(), k -> new PointsBuilder(s.dropName(), steps));
                    }
                    builders[i].add(ts, s);
                }
                previous = samples;
                previousBuilders = builders;
            }
            if (track && rangeMode.peak(sq.expr(), base) > options.maxSamples()) {
                throw new PromqlEvalException(
                        "query processing would load too many samples into memory in query execution");
            }
        } finally {
            severalSteps = outerSeveralSteps;
            if (track) {
                rangeMode = null;
            }
        }
        // Prometheus's subquery result order comes from a Go map; sorting by labels makes ours deterministic.
        List<Labels> keys = new ArrayList<>(bySeries.keySet());
        Collections.sort(keys);
        List<Series> out = new ArrayList<>(keys.size());
        for (Labels k : keys) {
            out.add(bySeries.get(k).build(k));
        }
        return new RangeArgument(out, start, end, sq.rangeMs());
    }

    /** The inner value at {@code ts} kept from an earlier evaluation, else evaluated and kept unless it annotated. */
    private Value evalKept(SubqueryCache.Steps kept, Expr inner, long ts) {
        Value v = kept.get(ts);
        if (v == null) {
            long raisedBefore = annotations.raised();
            v = eval(inner, ts);
            kept.put(ts, annotations.raised() == raisedBefore ? v : null);
        }
        return v;
    }

    /** Growable primitive point buffer; a series takes the name-dropping mark of its first sample. */
    static final class PointsBuilder {
        private final boolean dropName;
        private long[] ts;
        private double[] vs;
        /** Histogram points; null until the first one. */
        private FloatHistogram[] hs;
        private int n;

        PointsBuilder(boolean dropName, int capacity) {
            this.dropName = dropName;
            this.ts = new long[capacity];
            this.vs = new double[capacity];
        }

        PointsBuilder(boolean dropName) {
            this(dropName, 8);
        }

        PointsBuilder() {
            this(false);
        }

        void add(long t, double v) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, Math.max(8, n * 2));
                vs = Arrays.copyOf(vs, ts.length);
                if (hs != null) {
                    hs = Arrays.copyOf(hs, ts.length);
                }
            }
            ts[n] = t;
            vs[n++] = v;
        }

        /** A float or histogram sample's value at t. */
        void add(long t, Sample s) {
            add(t, s.value());
            if (s.histogram() != null) {
                if (hs == null) {
                    hs = new FloatHistogram[ts.length];
                }
                hs[n - 1] = s.histogram();
            }
        }

        Series build(Labels labels) {
            return new Series(labels, ts, vs, n, dropName, null, hs);
        }
    }

}
