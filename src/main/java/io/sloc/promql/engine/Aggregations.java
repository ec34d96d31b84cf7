package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.sort.GoSort;
import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Aggregation operators, following Prometheus 2.42's {@code aggregation()} step by step (float order matters). */
final class Aggregations {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
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
        if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK) {
            double f = ev.evalScalar(e.param(), t);
            if (!GoMath.convertibleToInt64(f)) {
                throw new PromqlEvalException("Scalar value " + GoFloat.formatV(f) + " overflows int64");
            }
            k = (long) f;
            if (k < 1) {
                return Vector.EMPTY;
            }
        } else if (op == AggregationOp.QUANTILE) {
            q = ev.evalScalar(e.param(), t);
        } else if (op == AggregationOp.COUNT_VALUES) {
            valueLabel = ev.evalString(e.param(), t);
            if (!LABEL_NAME.matcher(valueLabel).matches()) {
                throw new PromqlEvalException("invalid label name " + GoQuote.quote(valueLabel));
            }
        }
        Vector input = ev.evalVector(e.expr(), t);
        List<String> grouping = new ArrayList<>(e.grouping());
        if (valueLabel != null && !e.without()) {
            grouping.add(valueLabel);
        }
        Map<Labels, Group> groups = new LinkedHashMap<>();
        for (Sample s : input.samples()) {
            Labels metric = s.metric();
            if (valueLabel != null) {
                metric = metric.toBuilder().set(valueLabel, GoFloat.format(s.value(), 'f', -1)).build();
            }
            Labels key = groupLabels(metric, grouping, e.without());
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(key, s.value());
                groups.put(key, g);
                if (op == AggregationOp.STDDEV || op == AggregationOp.STDVAR) {
                    g.value = 0;
                } else if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK || op == AggregationOp.QUANTILE) {
                    g.heap = new ArrayList<>();
                    g.heap.add(new Sample(s.metric(), t, s.value()));
                } else if (op == AggregationOp.GROUP) {
                    g.value = 1;
                }
                continue;
            }
            accumulate(op, g, s, k, t);
        }
        List<Sample> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            switch (op) {
                case AVG:
                    g.value = g.mean;
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
                        out.add(new Sample(s.metric(), t, s.value()));
                    }
                    continue;
                case QUANTILE:
                    g.value = Quantiles.quantile(q, g.heap);
                    break;
                default:
                    break;
            }
            out.add(new Sample(g.labels, t, g.value));
        }
        return ev.checkedVector(out);
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
