package io.sloc.promql.engine;

import io.sloc.golang.sort.GoSort;
import io.sloc.golang.sort.NaturalOrder;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** absent, scalar, vector, sort, sort_desc, sort_by_label(_desc) and the native-histogram-only functions. */
final class VectorFunctions {
    private VectorFunctions() {
    }

    static void register(Map<String, FunctionImpl> m) {
        m.put("absent", VectorFunctions::absent);
        m.put("scalar", (ev, c, t) -> {
            List<Sample> floats = ev.evalVector(c.args().get(0), t).samples().stream()
                    .filter(s -> !s.isHistogram()).toList();
            return new Scalar(t, floats.size() == 1 ? floats.get(0).value() : Double.NaN);
        });
        m.put("vector", (ev, c, t) -> new Vector(List.of(new Sample(Labels.EMPTY, t, ev.evalScalar(c.args().get(0), t)))));
        // NaN sorts last in both directions: sort descending-with-NaN-first, then reverse (as Prometheus does).
        m.put("sort", (ev, c, t) -> sorted(ev, c, t, Aggregations.BY_REVERSE_VALUE));
        m.put("sort_desc", (ev, c, t) -> sorted(ev, c, t, Aggregations.BY_VALUE));
        m.put("sort_by_label", (ev, c, t) -> sortedByLabels(ev, c, t, false));
        m.put("sort_by_label_desc", (ev, c, t) -> sortedByLabels(ev, c, t, true));
        m.put("histogram_count", (ev, c, t) -> ofHistograms(ev, c, t, FloatHistogram::count));
        m.put("histogram_sum", (ev, c, t) -> ofHistograms(ev, c, t, FloatHistogram::sum));
        m.put("histogram_avg", (ev, c, t) -> ofHistograms(ev, c, t, h -> h.sum() / h.count()));
        m.put("histogram_stddev", (ev, c, t) -> ofHistograms(ev, c, t,
                h -> Math.sqrt(NativeHistogramQuantiles.variance(h))));
        m.put("histogram_stdvar", (ev, c, t) -> ofHistograms(ev, c, t, NativeHistogramQuantiles::variance));
    }

    /** A number of each histogram sample (float samples are skipped), named as Prometheus's simpleHistogramFunc. */
    private static Vector ofHistograms(Evaluator ev, Call c, long t, ToDoubleFunction<FloatHistogram> f) {
        Vector in = ev.evalVector(c.args().get(0), t);
        List<Sample> out = new ArrayList<>(in.size());
        boolean delayed = ev.profile().delayedNameRemoval();
        for (Sample s : in.samples()) {
            if (s.isHistogram()) {
                double v = f.applyAsDouble(s.histogram());
                out.add(delayed ? new Sample(s.metric(), t, v, true) : new Sample(s.metric().withoutMetricName(), t, v));
            }
        }
        return ev.checkedVector(out);
    }

    private static Vector sorted(Evaluator ev, Call c, long t, GoSort.Less<Sample> less) {
        warnIfRanged(ev, c);
        Vector in = ev.evalVector(c.args().get(0), t);
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            if (!s.isHistogram()) { // sort and sort_desc order floats only
                out.add(s.at(t));
            }
        }
        GoSort.sort(out, (a, b) -> less.less(b, a));
        return new Vector(out);
    }

    /** Results of several steps come ordered by labels whatever the order at each step. */
    private static void warnIfRanged(Evaluator ev, Call c) {
        if (ev.evaluatesSeveralSteps()) {
            ev.annotations().warn(c.pos(), "sort is ineffective for range queries since results are always "
                    + "ordered by labels");
        }
    }

    /** Natural order of the named labels' values, then the whole label set; all of it reversed when descending. */
    private static Vector sortedByLabels(Evaluator ev, Call c, long t, boolean descending) {
        warnIfRanged(ev, c);
        Vector in = ev.evalVector(c.args().get(0), t);
        List<String> names = new ArrayList<>();
        for (Expr a : c.args().subList(1, c.args().size())) {
            names.add(ev.evalString(a, t));
        }
        Comparator<Sample> order = (a, b) -> {
            for (String name : names) {
                String va = a.metric().get(name);
                String vb = b.metric().get(name);
                if (!va.equals(vb)) {
                    return NaturalOrder.less(va, vb) ? -1 : 1;
                }
            }
            return a.metric().compareTo(b.metric());
        };
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            out.add(s.at(t));
        }
        out.sort(descending ? order.reversed() : order);
        return new Vector(out);
    }

    private static Vector absent(Evaluator ev, Call c, long t) {
        Vector v = ev.evalVector(c.args().get(0), t);
        if (!v.isEmpty()) {
            return Vector.EMPTY;
        }
        return new Vector(List.of(new Sample(absentLabels(c.args().get(0)), t, 1)));
    }

    /**
     * Labels of absent()/absent_over_time(): the selector's equality matchers except the name; a label matched twice
     * or by a non-equality matcher is left out.
     */
    static Labels absentLabels(Expr arg) {
        List<LabelMatcher> matchers;
        if (arg instanceof VectorSelector vs) {
            matchers = vs.matchers();
        } else if (arg instanceof MatrixSelector ms) {
            matchers = ms.selector().matchers();
        } else {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        Set<String> has = new HashSet<>();
        for (LabelMatcher m : matchers) {
            if (m.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == LabelMatcher.Type.EQUAL && !has.contains(m.name())) {
                b.set(m.name(), m.value());
                has.add(m.name());
            } else {
                b.remove(m.name());
            }
        }
        return b.build();
    }
}
