package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.math.GoTrig;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorMatching.Cardinality;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Binary operators: scalar/scalar, vector/scalar and vector/vector with matching, as Prometheus 2.42. */
final class BinaryOperators {
    private static final VectorMatching DEFAULT_ONE_TO_ONE =
            new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    private static final VectorMatching DEFAULT_SET =
            new VectorMatching(Cardinality.MANY_TO_MANY, List.of(), false, List.of());

    private BinaryOperators() {
    }

    static io.sloc.promql.value.Value eval(Evaluator ev, BinaryExpr e, long t) {
        ValueType lt = e.lhs().type();
        ValueType rt = e.rhs().type();
        if (lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            double l = ev.evalScalar(e.lhs(), t);
            double r = ev.evalScalar(e.rhs(), t);
            return new Scalar(t, scalarOp(e.op(), l, r));
        }
        if (lt == ValueType.VECTOR && rt == ValueType.VECTOR) {
            Vector l = ev.evalVector(e.lhs(), t);
            Vector r = ev.evalVector(e.rhs(), t);
            VectorMatching m = e.matching();
            if (e.op().isSetOperator()) {
                return ev.checkedVector(setOp(e.op(), l, r, m == null ? DEFAULT_SET : m));
            }
            return ev.checkedVector(vectorOp(ev, e, l, r, m == null ? DEFAULT_ONE_TO_ONE : m, t));
        }
        if (lt == ValueType.VECTOR) {
            Vector l = ev.evalVector(e.lhs(), t);
            double r = ev.evalScalar(e.rhs(), t);
            return ev.checkedVector(vectorScalarOp(ev, e, l, r, false, t));
        }
        double l = ev.evalScalar(e.lhs(), t);
        Vector r = ev.evalVector(e.rhs(), t);
        return ev.checkedVector(vectorScalarOp(ev, e, r, l, true, t));
    }

    /** Prometheus's scalarBinop: comparisons between scalars always return 0 or 1. */
    static double scalarOp(BinaryOp op, double l, double r) {
        if (op.isComparison()) {
            return compare(op, l, r) ? 1 : 0;
        }
        return arithmetic(op, l, r);
    }

    static double arithmetic(BinaryOp op, double l, double r) {
        switch (op) {
            case ADD: return l + r;
            case SUB: return l - r;
            case MUL: return l * r;
            case DIV: return l / r;
            case POW: return GoMath.pow(l, r);
            case MOD: return GoMath.mod(l, r);
            case ATAN2: return GoTrig.atan2(l, r);
            default: throw new IllegalArgumentException("not an arithmetic operator: " + op.text());
        }
    }

    static boolean compare(BinaryOp op, double l, double r) {
        switch (op) {
            case EQL: return l == r;
            case NEQ: return l != r;
            case GTR: return l > r;
            case LSS: return l < r;
            case GTE: return l >= r;
            case LTE: return l <= r;
            default: throw new IllegalArgumentException("not a comparison operator: " + op.text());
        }
    }

    private static boolean dropsMetricName(Evaluator ev, BinaryOp op) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case POW: case MOD:
                return true;
            case ATAN2:
                return ev.profile().atan2DropsMetricName();
            default:
                return false;
        }
    }

    private static List<Sample> vectorScalarOp(Evaluator ev, BinaryExpr e, Vector vec, double scalar, boolean scalarOnLeft, long t) {
        BinaryOp op = e.op();
        List<Sample> out = new ArrayList<>(vec.size());
        HistogramOperands.Problem problem = null;
        for (int i = 0; i < vec.size(); i++) {
            Sample s = vec.get(i);
            if (s.isHistogram() || op.isTrim()) {
                HistogramOperands.Outcome o = scalarOnLeft ? HistogramOperands.apply(op, scalar, null, 0, s.histogram())
                        : HistogramOperands.apply(op, 0, s.histogram(), scalar, null);
                if (o.keep()) { // only arithmetic keeps a histogram against a scalar
                    out.add(dropsMetricName(ev, op) ? ev.nameDropped(s.metric(), t, o.histogram())
                            : s.at(t, o.histogram()));
                } else {
                    problem = o.problem();
                }
                continue;
            }
            double l = scalarOnLeft ? scalar : s.value();
            double r = scalarOnLeft ? s.value() : scalar;
            double value;
            boolean keep = true;
            if (op.isComparison()) {
                keep = compare(op, l, r);
                value = s.value(); // the vector element's value even when the scalar is on the left
            } else {
                value = arithmetic(op, l, r);
            }
            if (e.returnBool()) {
                value = keep ? 1 : 0;
                keep = true;
            }
            if (keep) {
                out.add(e.returnBool() || dropsMetricName(ev, op) ? ev.nameDropped(s.metric(), t, value)
                        : s.at(t, value));
            }
        }
        if (problem != null) {
            problem.report(ev, e.pos());
        }
        return out;
    }

    /** The match-group signature: the {@code on} labels, or all labels minus {@code ignoring} and the name. */
    static Labels signature(Labels l, VectorMatching m) {
        if (m.on()) {
            return l.keep(m.labels());
        }
        return l.drop(m.labels()).withoutMetricName();
    }

    private static List<Sample> setOp(BinaryOp op, Vector lhs, Vector rhs, VectorMatching m) {
        List<Sample> out = new ArrayList<>(op == BinaryOp.LOR ? lhs.size() + rhs.size() : lhs.size());
        switch (op) {
            case LAND: {
                if (lhs.isEmpty() || rhs.isEmpty()) {
                    return out;
                }
                LabelsIndex<Labels> right = signatures(rhs, m);
                for (int i = 0; i < lhs.size(); i++) {
                    Sample s = lhs.get(i);
                    if (right.containsKey(signature(s.metric(), m))) {
                        out.add(s);
                    }
                }
                return out;
            }
            case LOR: {
                out.addAll(lhs.samples());
                LabelsIndex<Labels> left = signatures(lhs, m);
                for (int i = 0; i < rhs.size(); i++) {
                    Sample s = rhs.get(i);
                    if (!left.containsKey(signature(s.metric(), m))) {
                        out.add(s);
                    }
                }
                return out;
            }
            default: {
                LabelsIndex<Labels> right = signatures(rhs, m);
                for (int i = 0; i < lhs.size(); i++) {
                    Sample s = lhs.get(i);
                    if (!right.containsKey(signature(s.metric(), m))) {
                        out.add(s);
                    }
                }
                return out;
            }
        }
    }

    private static LabelsIndex<Labels> signatures(Vector v, VectorMatching m) {
        LabelsIndex<Labels> set = new LabelsIndex<>();
        for (int i = 0; i < v.size(); i++) {
            Labels sig = signature(v.get(i).metric(), m);
            set.put(sig, sig);
        }
        return set;
    }

    /**
     * Prometheus's VectorBinop for arithmetic and comparison operators. With Prometheus 3's fill modifiers, a
     * series without a match meets a stand-in with the fill value and the match-group labels.
     */
    private static List<Sample> vectorOp(Evaluator ev, BinaryExpr e, Vector lhsIn, Vector rhsIn, VectorMatching m, long t) {
        List<Sample> out = new ArrayList<>(Math.max(lhsIn.size(), rhsIn.size()));
        if (lhsIn.isEmpty() && rhsIn.isEmpty() || (lhsIn.isEmpty() || rhsIn.isEmpty()) && !m.fills()) {
            return out;
        }
        boolean swapped = m.cardinality() == Cardinality.ONE_TO_MANY;
        Vector lhs = swapped ? rhsIn : lhsIn;
        Vector rhs = swapped ? lhsIn : rhsIn;
        LabelsIndex<Sample> right = new LabelsIndex<>();
        for (int i = 0; i < rhs.size(); i++) {
            Sample rs = rhs.get(i);
            Labels sig = signature(rs.metric(), m);
            Sample dup = right.put(sig, rs);
            if (dup != null) {
                String first = rs.metric().toString();
                String second = dup.metric().toString();
                if (ev.profile().strictVectorMatching() && Labels.compareStrings(first, second) > 0) {
                    String swap = first;
                    first = second;
                    second = swap;
                }
                throw new PromqlEvalException("found duplicate series for the match group " + sig
                        + " on the " + (swapped ? "left" : "right") + " hand-side of the operation: ["
                        + first + ", " + second
                        + "];many-to-many matching not allowed: matching labels must be unique on one side");
            }
        }
        Matches matches = new Matches(ev, e, m, swapped, t, out);
        for (int i = 0; i < lhs.size(); i++) {
            Sample ls = lhs.get(i);
            Labels sig = signature(ls.metric(), m);
            Sample rs = right.get(sig);
            if (rs == null && m.fillRight() == null) {
                continue;
            }
            matches.apply(ls, rs != null ? rs : new Sample(sig, t, m.fillRight()), sig);
        }
        if (m.fillLeft() != null) {
            for (Sample rs : rhs.samples()) {
                Labels sig = signature(rs.metric(), m);
                if (!matches.attempted.contains(sig)) {
                    matches.apply(new Sample(sig, t, m.fillLeft()), rs, sig);
                }
            }
        }
        if (matches.problem != null) {
            matches.problem.report(ev, e.pos());
        }
        return out;
    }

    /** The pairing of matched samples into output samples, with Prometheus's uniqueness checks. */
    private static final class Matches {
        private final Evaluator ev;
        private final BinaryExpr e;
        private final VectorMatching m;
        private final boolean swapped;
        private final long t;
        private final List<Sample> out;
        private final LabelsIndex<Set<Labels>> matched = new LabelsIndex<>();
        /**
         * With a left fill (else null): match groups that met a partner, kept or not (the fill stands in for the
         * others).
         */
        final Set<Labels> attempted;
        /** The last annotation a histogram operand raised: Prometheus reports only that one. */
        HistogramOperands.Problem problem;

        Matches(Evaluator ev, BinaryExpr e, VectorMatching m, boolean swapped, long t, List<Sample> out) {
            this.ev = ev;
            this.e = e;
            this.m = m;
            this.swapped = swapped;
            this.t = t;
            this.out = out;
            this.attempted = m.fillLeft() != null ? new HashSet<>() : null;
        }

        void apply(Sample ls, Sample rs, Labels sig) {
            if (attempted != null) {
                attempted.add(sig);
            }
            Sample left = swapped ? rs : ls;
            Sample right = swapped ? ls : rs;
            double vl = left.value();
            double vr = right.value();
            double value = 0;
            FloatHistogram histogram = null;
            boolean keep = true;
            if (left.isHistogram() || right.isHistogram() || e.op().isTrim()) {
                HistogramOperands.Outcome o = HistogramOperands.apply(e.op(), vl, left.histogram(), vr,
                        right.histogram());
                if (o.problem() != null) {
                    problem = o.problem();
                    if (o.problem().failure()) {
                        return;
                    }
                }
                keep = o.keep();
                histogram = e.returnBool() ? null : o.histogram();
            } else if (e.op().isComparison()) {
                keep = compare(e.op(), vl, vr);
                value = vl;
            } else {
                value = arithmetic(e.op(), vl, vr);
            }
            if (e.returnBool()) {
                value = keep ? 1 : 0;
            } else if (!keep && !ev.profile().strictVectorMatching()) {
                return;
            }
            // Arithmetic drops the name at once, even with delayed name removal; bool comparisons may delay it.
            boolean delayedDrop = e.returnBool() && ev.profile().delayedNameRemoval();
            boolean boolDropsFirst = ev.profile().boolDropsNameBeforeGroupLabels();
            boolean dropNow = dropsMetricName(ev, e.op()) || e.returnBool() && !delayedDrop && boolDropsFirst;
            Labels metric = resultMetric(ev, ls.metric(), rs.metric(), dropNow, m);
            if (e.returnBool() && !boolDropsFirst) {
                metric = metric.withoutMetricName(); // 2.42: even a __name__ taken from group_x(...)
            }
            Set<Labels> inserted = matched.get(sig);
            if (m.cardinality() == Cardinality.ONE_TO_ONE) {
                if (inserted != null) {
                    throw new PromqlEvalException("multiple matches for labels: many-to-one matching must be "
                            + "explicit (group_left/group_right)");
                }
                matched.put(sig, Set.of());
            } else {
                if (inserted == null) {
                    inserted = new HashSet<>();
                    matched.put(sig, inserted);
                }
                if (!inserted.add(metric)) {
                    throw new PromqlEvalException(
                            "multiple matches for labels: grouping labels must ensure unique matches");
                }
            }
            if (!keep && !e.returnBool()) {
                return; // 3.x: filtered out only after the matching checks
            }
            out.add(histogram != null ? new Sample(metric, t, histogram, delayedDrop)
                    : new Sample(metric, t, value, delayedDrop));
        }
    }

    private static Labels resultMetric(Evaluator ev, Labels lhs, Labels rhs, boolean dropName, VectorMatching m) {
        Labels base = dropName ? ev.withoutMetricName(lhs) : lhs;
        if (m.cardinality() == Cardinality.ONE_TO_ONE && !m.on() && m.labels().isEmpty() && m.include().isEmpty()) {
            return base; // plain one-to-one matching: the left side's labels (most operations at every step)
        }
        Labels.Builder b = base.toBuilder();
        if (m.cardinality() == Cardinality.ONE_TO_ONE) {
            if (m.on()) {
                Labels kept = b.build().keep(m.labels());
                b = kept.toBuilder();
            } else {
                for (String l : m.labels()) {
                    b.remove(l);
                }
            }
        }
        for (String l : m.include()) {
            b.set(l, rhs.get(l));
        }
        return b.build();
    }
}
