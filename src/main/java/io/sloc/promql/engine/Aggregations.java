package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.sort.GoSort;
import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.HistogramKahanSum;
import io.sloc.promql.value.HistogramException;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregation operators, following Prometheus's {@code aggregation()} step by step (float order matters): 2.42's, or
 * 3.x's (compensated sums, NaN checks, annotations, limitk/limit_ratio) for a Prometheus 3 profile.
 */
final class Aggregations {
    /** topk's heap keeps the smallest on top; NaN counts as smaller than everything. */
    static final GoSort.Less<Sample> BY_VALUE = (a, b) -> Double.isNaN(a.value()) || a.value() < b.value();
    /** bottomk's heap keeps the largest on top; NaN counts as larger than everything. */
    static final GoSort.Less<Sample> BY_REVERSE_VALUE = (a, b) -> Double.isNaN(a.value()) || a.value() > b.value();

    private Aggregations() {
    }

    /** Per-group state, as Prometheus's groupedAggregation. */
    private static final class Group {
        final Labels labels;
        double value;
        double mean;
        long count = 1;
        List<Sample> heap;
        /** 3.x: Kahan compensation of value (sum, avg) or mean (avg once the sum would overflow). */
        double compensation;
        boolean incrementalMean;
        /** Delayed name removal: some input of the group had its name dropped. */
        boolean dropName;
        /** sum and avg of native histograms: the Kahan-compensated running sum (or mean, see incrementalMean). */
        HistogramKahanSum histogram;
        boolean histogramIncrementalMean;
        boolean hasFloat;
        boolean hasHistogram;
        /** Exponential and custom buckets met: the group gives no result. */
        boolean incompatibleHistograms;
        boolean counterResetSeen;
        boolean notCounterResetSeen;

        Group(Labels labels, double value) {
            this.labels = labels;
            this.value = value;
            this.mean = value;
        }
    }

    static Vector eval(Evaluator ev, AggregateExpr e, long t) {
        AggregationOp op = e.op();
        long k = 0;
        double q = 0;
        String valueLabel = null;
        boolean v3 = ev.profile().isPrometheus3();
        if (op == AggregationOp.LIMIT_RATIO) {
            return limitRatio(ev, e, t);
        }
        if (op.selectsSamples()) {
            k = sampleCount(ev, e, t);
            if (k < 1) {
                return Vector.EMPTY;
            }
        } else if (op == AggregationOp.QUANTILE) {
            q = ev.evalScalar(e.param(), t);
            if (v3) {
                Quantiles.warnIfInvalid(ev, e.param(), q);
            }
        } else if (op == AggregationOp.COUNT_VALUES) {
            valueLabel = ev.evalString(e.param(), t);
            if (!Labels.isValidName(valueLabel, ev.profile().utf8Names())) {
                throw new PromqlEvalException("invalid label name " + GoQuote.quote(valueLabel));
            }
        }
        Vector input = ev.evalVector(e.expr(), t);
        if (op == AggregationOp.LIMITK) {
            return limitk(ev, e, input, k, t);
        }
        List<String> grouping = e.grouping();
        if (valueLabel != null && !e.without()) {
            grouping = new ArrayList<>(grouping);
            grouping.add(valueLabel);
        }
        LabelsIndex<Group> groups = new LabelsIndex<>();
        List<Sample> samples = input.samples();
        for (int i = 0; i < samples.size(); i++) { // no iterator: every aggregation at every step
            Sample s = samples.get(i);
            Labels metric = s.metric();
            if (valueLabel != null) {
                String value = s.isHistogram() ? s.histogram().summary() : GoFloat.format(s.value(), 'f', -1);
                metric = metric.toBuilder().set(valueLabel, value).build();
            }
            if (s.isHistogram() && ignoresHistograms(op)) {
                ev.annotations().info(op.selectsSamples() ? e.pos() : e.expr().pos(),
                        "ignored histogram in " + op.text() + " aggregation");
                continue;
            }
            Labels key = groupLabels(metric, grouping, e.without());
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(key, s.value());
                g.dropName = s.dropName();
                groups.put(key, g);
                if (op == AggregationOp.SUM || op == AggregationOp.AVG) {
                    g.hasFloat = !s.isHistogram();
                    if (s.isHistogram()) {
                        g.hasHistogram = true;
                        g.histogram = new HistogramKahanSum(s.histogram());
                        noteCounterResetHint(g, s.histogram());
                    }
                }
                if (op == AggregationOp.STDDEV || op == AggregationOp.STDVAR) {
                    // 3.x: a non-finite first value makes the deviation NaN, as it does when it comes later
                    g.value = v3 && (Double.isNaN(s.value()) || Double.isInfinite(s.value())) ? Double.NaN : 0;
                } else if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK || op == AggregationOp.QUANTILE) {
                    g.heap = new ArrayList<>();
                    g.heap.add(s.at(t, s.value()));
                } else if (op == AggregationOp.GROUP) {
                    g.value = 1;
                }
                continue;
            }
            if (g.incompatibleHistograms) {
                continue;
            }
            g.dropName |= s.dropName();
            g.hasFloat |= !s.isHistogram();
            if (s.isHistogram() && (op == AggregationOp.SUM || op == AggregationOp.AVG)) {
                addHistogram(ev, e, g, s);
            } else if (v3) {
                accumulate3(op, g, s, k, t);
            } else {
                accumulate(op, g, s, k, t);
            }
        }
        List<Sample> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            if (op == AggregationOp.SUM || op == AggregationOp.AVG) {
                if (g.hasFloat && g.hasHistogram) {
                    ev.annotations().warn(e.expr().pos(), "encountered a mix of histograms and floats for aggregation");
                    continue;
                }
                if (g.incompatibleHistograms) {
                    continue;
                }
                if (g.hasHistogram) {
                    if (g.counterResetSeen && g.notCounterResetSeen) {
                        ev.annotations().warn(e.expr().pos(), "conflicting counter resets during histogram aggregation");
                    }
                    FloatHistogram h = g.histogram.value(
                            op == AggregationOp.AVG && !g.histogramIncrementalMean ? g.count : 1);
                    out.add(new Sample(g.labels, t, h.compact(0), g.dropName));
                    continue;
                }
            }
            switch (op) {
                case AVG:
                    if (!v3) {
                        g.value = g.mean;
                    } else if (g.incrementalMean) {
                        g.value = g.mean + g.compensation;
                    } else {
                        g.value = g.value / g.count + g.compensation / g.count;
                    }
                    break;
                case SUM:
                    if (v3) {
                        g.value += g.compensation;
                    }
                    break;
                case COUNT:
                case COUNT_VALUES:
                    g.value = g.count;
                    break;
                case STDVAR:
                    g.value = g.value / g.count;
                    break;
                case STDDEV:
                    g.value = Math.sqrt(g.value / g.count);
                    break;
                case TOPK:
                case BOTTOMK:
                    if (g.heap.size() > 1) {
                        GoSort.Less<Sample> less = op == AggregationOp.TOPK ? BY_VALUE : BY_REVERSE_VALUE;
                        GoSort.sort(g.heap, (a, b) -> less.less(b, a));
                    }
                    for (Sample s : g.heap) {
                        out.add(s.at(t, s.value()));
                    }
                    continue;
                case QUANTILE:
                    g.value = Quantiles.quantile(q, g.heap);
                    break;
                default:
                    break;
            }
            out.add(new Sample(g.labels, t, g.value, g.dropName && op != AggregationOp.COUNT_VALUES));
        }
        return ev.checkedVector(out);
    }

    /** The aggregations that skip native histograms (with an info). */
    private static boolean ignoresHistograms(AggregationOp op) {
        switch (op) {
            case MIN: case MAX: case STDDEV: case STDVAR: case QUANTILE: case TOPK: case BOTTOMK:
                return true;
            default:
                return false;
        }
    }

    private static void noteCounterResetHint(Group g, FloatHistogram h) {
        g.counterResetSeen |= h.counterResetHint() == CounterResetHint.COUNTER_RESET;
        g.notCounterResetSeen |= h.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET;
    }

    /**
     * A histogram into a sum or avg group. A group that began with a float keeps no histogram (its result is dropped
     * as mixed); avg sums until the sum would overflow, then continues with an incremental mean.
     */
    private static void addHistogram(Evaluator ev, AggregateExpr e, Group g, Sample s) {
        g.hasHistogram = true;
        if (e.op() == AggregationOp.AVG) {
            g.count++;
        }
        if (g.histogram == null) {
            return;
        }
        noteCounterResetHint(g, s.histogram());
        boolean reconciledBefore = g.histogram.customBoundsReconciled();
        try {
            if (e.op() == AggregationOp.SUM) {
                g.histogram.add(s.histogram());
            } else {
                addToMean(g, s.histogram());
            }
        } catch (HistogramException x) {
            ev.annotations().warn(e.expr().pos(), "vector contains a mix of histograms with exponential and custom "
                    + "buckets schemas for metric name " + GoQuote.quote(s.metric().get(Labels.METRIC_NAME)));
            g.incompatibleHistograms = true;
            return;
        }
        if (!reconciledBefore && g.histogram.customBoundsReconciled()) {
            ev.annotations().info(e.expr().pos(), "mismatched custom buckets were reconciled during aggregation");
        }
    }

    /** avg: the plain sum while it stays finite, then the incremental mean (compensations scaled alike). */
    private static void addToMean(Group g, FloatHistogram h) {
        if (!g.histogramIncrementalMean) {
            HistogramKahanSum next = g.histogram.copy();
            next.add(h);
            if (!next.hasOverflow()) {
                g.histogram = next;
                return;
            }
            g.histogramIncrementalMean = true;
            g.histogram.divide(g.count - 1);
        }
        g.histogram.multiply((g.count - 1) / (double) g.count);
        g.histogram.add(h.div(g.count));
    }

    /** topk/bottomk/limitk's k; below 1 means an empty result. */
    private static long sampleCount(Evaluator ev, AggregateExpr e, long t) {
        double f = ev.evalScalar(e.param(), t);
        if (ev.profile().isPrometheus3()) {
            if (f < 1) {
                return 0;
            }
            if (Double.isNaN(f)) {
                throw new PromqlEvalException("Parameter value is NaN");
            }
        }
        if (!GoMath.convertibleToInt64(f)) {
            throw new PromqlEvalException("Scalar value " + GoFloat.formatV(f) + " overflows int64");
        }
        return (long) f;
    }

    /** Prometheus 3's changes: Kahan-compensated sums and means, topk/bottomk replacing a NaN at the top. */
    private static void accumulate3(AggregationOp op, Group g, Sample s, long k, long t) {
        double v = s.value();
        switch (op) {
            case SUM:
                kahanAdd(g, v);
                break;
            case AVG:
                g.count++;
                if (!g.incrementalMean) {
                    double sum = g.value;
                    double c = g.compensation;
                    kahanAdd(g, v);
                    if (!Double.isInfinite(g.value)) {
                        break;
                    }
                    // The sum would overflow: continue with an incremental mean.
                    g.incrementalMean = true;
                    g.mean = sum / (g.count - 1);
                    g.compensation = c / (g.count - 1);
                }
                // Incremental mean: g.value serves as the running mean from here on.
                double q = (g.count - 1) / (double) g.count;
                g.value = q * g.mean;
                g.compensation = q * g.compensation;
                kahanAdd(g, v / g.count);
                g.mean = g.value;
                break;
            case TOPK:
                replaceTop(g, s, k, t, BY_VALUE, g.heap.get(0).value() < v);
                break;
            case BOTTOMK:
                replaceTop(g, s, k, t, BY_REVERSE_VALUE, g.heap.get(0).value() > v);
                break;
            default:
                accumulate(op, g, s, k, t);
        }
    }

    /** Prometheus's kahansum.Inc on the group's value and compensation (Neumaier's variant). */
    private static void kahanAdd(Group g, double inc) {
        double t = g.value + inc;
        g.compensation = compensation(g.compensation, g.value, inc, t);
        g.value = t;
    }

    /** Compensation {@code c} after {@code total = sum + inc}: reset once the sum overflowed. */
    private static double compensation(double c, double sum, double inc, double total) {
        if (Double.isInfinite(total)) {
            return 0;
        }
        return c + (Math.abs(sum) >= Math.abs(inc) ? (sum - total) + inc : (inc - total) + sum);
    }

    /** 3.x topk/bottomk: push while under k, else overwrite the top when beaten or NaN (and s is not). */
    private static void replaceTop(Group g, Sample s, long k, long t, GoSort.Less<Sample> less, boolean beatsTop) {
        List<Sample> heap = g.heap;
        Sample entry = s.at(t, s.value());
        if (heap.size() < k) {
            GoSort.heapPush(heap, entry, less);
        } else if (beatsTop || (Double.isNaN(heap.get(0).value()) && !Double.isNaN(s.value()))) {
            heap.set(0, entry);
            if (k > 1) {
                GoSort.heapFix(heap, 0, less);
            }
        }
    }

    /** limitk: the first k samples of each group (in Prometheus's heap order). */
    private static Vector limitk(Evaluator ev, AggregateExpr e, Vector input, long k, long t) {
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input.samples()) {
            List<Sample> kept = groups.computeIfAbsent(groupLabels(s.metric(), e.grouping(), e.without()),
                    key -> new ArrayList<>());
            if (kept.size() < k) {
                GoSort.heapPush(kept, s.at(t), BY_VALUE); // Prometheus keeps them in a heap
            }
        }
        return ev.checkedVector(flatten(groups));
    }

    /**
     * limit_ratio: the samples whose label hash, as a fraction of 2^64, is below the ratio (or, for a negative
     * ratio r, at least 1 + r); the ratio is capped to [-1, 1] with a warning.
     */
    private static Vector limitRatio(Evaluator ev, AggregateExpr e, long t) {
        double r = ev.evalScalar(e.param(), t);
        if (r == 0) {
            return Vector.EMPTY;
        }
        if (Double.isNaN(r)) {
            throw new PromqlEvalException("Ratio value is NaN");
        }
        if (r > 1 || r < -1) {
            double cap = r > 1 ? 1 : -1;
            ev.annotations().warn(e.param().pos(), "ratio value should be between -1 and 1, got "
                    + GoFloat.formatV(r) + ", capping to " + GoFloat.formatV(cap));
            r = cap;
        }
        Vector input = ev.evalVector(e.expr(), t);
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input.samples()) {
            List<Sample> kept = groups.computeIfAbsent(groupLabels(s.metric(), e.grouping(), e.without()),
                    key -> new ArrayList<>());
            double offset = unsignedToDouble(s.metric().prometheusHash()) / 0x1p64;
            if (r >= 0 ? offset < r : offset >= 1 + r) {
                GoSort.heapPush(kept, s.at(t), BY_VALUE);
            }
        }
        return ev.checkedVector(flatten(groups));
    }

    /** Go's float64(uint64): rounds to nearest like any other integer conversion. */
    private static double unsignedToDouble(long u) {
        double d = (double) (u >>> 1 | (u & 1)) * 2.0;
        return u >= 0 ? (double) u : d;
    }

    private static List<Sample> flatten(Map<Labels, List<Sample>> groups) {
        List<Sample> out = new ArrayList<>();
        groups.values().forEach(out::addAll);
        return out;
    }

    private static void accumulate(AggregationOp op, Group g, Sample s, long k, long t) {
        double v = s.value();
        switch (op) {
            case SUM:
                g.value += v;
                break;
            case AVG:
                g.count++;
                if (Double.isInfinite(g.mean)) {
                    if (Double.isInfinite(v) && (g.mean > 0) == (v > 0)) {
                        break; // same-signed infinities: the mean is already right
                    }
                    if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                        break; // an infinite mean absorbs finite values (Inf - Inf would give NaN)
                    }
                }
                g.mean += v / g.count - g.mean / g.count;
                break;
            case GROUP:
                break;
            case MAX:
                if (g.value < v || Double.isNaN(g.value)) {
                    g.value = v;
                }
                break;
            case MIN:
                if (g.value > v || Double.isNaN(g.value)) {
                    g.value = v;
                }
                break;
            case COUNT:
            case COUNT_VALUES:
                g.count++;
                break;
            case STDVAR:
            case STDDEV: {
                g.count++;
                double delta = v - g.mean;
                g.mean += delta / g.count;
                g.value += delta * (v - g.mean);
                break;
            }
            case TOPK:
                keepExtreme(g, s, k, t, BY_VALUE, g.heap.get(0).value() < v);
                break;
            case BOTTOMK:
                keepExtreme(g, s, k, t, BY_REVERSE_VALUE, g.heap.get(0).value() > v);
                break;
            case QUANTILE:
                g.heap.add(s);
                break;
            default:
                throw new IllegalStateException("unknown aggregation " + op);
        }
    }

    /** topk/bottomk heap maintenance exactly as 2.42 does it (tie order depends on it). */
    private static void keepExtreme(Group g, Sample s, long k, long t, GoSort.Less<Sample> less, boolean beatsTop) {
        List<Sample> heap = g.heap;
        if (heap.size() < k || beatsTop || Double.isNaN(heap.get(0).value())) {
            Sample entry = new Sample(s.metric(), t, s.value());
            if (heap.size() == k) {
                if (k == 1) {
                    heap.set(0, entry);
                    return;
                }
                GoSort.heapPop(heap, less);
            }
            GoSort.heapPush(heap, entry, less);
        }
    }

    /** {@code by}: only the listed labels; {@code without}: all but the listed ones and the metric name. */
    static Labels groupLabels(Labels metric, List<String> grouping, boolean without) {
        if (without) {
            return metric.drop(grouping).withoutMetricName();
        }
        return grouping.isEmpty() ? Labels.EMPTY : metric.keep(grouping);
    }
}
