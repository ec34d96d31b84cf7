package io.sloc.promql.engine;

import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.HistogramException;

/**
 * A binary operator between two elements where at least one is a native histogram (Prometheus's vectorElemBinop):
 * histogram + and - histogram, histogram * and / float, float * histogram, == and != between histograms, histogram
 * trimmed by a float ({@code </}, {@code >/}; also the only operators that come here with two floats). Every other
 * combination gives no element and an info annotation.
 */
final class HistogramOperands {
    /** The element an operation gave (histogram or float, kept or filtered out), or the annotation it raised. */
    record Outcome(double value, FloatHistogram histogram, boolean keep, Problem problem) {
        static Outcome dropped(Problem problem) {
            return new Outcome(0, null, false, problem);
        }
    }

    /** An annotation an operation raises; a failure drops the element, an info on a kept element does not. */
    record Problem(boolean warning, String message, boolean failure) {
        void report(Evaluator ev, io.sloc.promql.ast.PositionRange pos) {
            if (warning) {
                ev.annotations().warn(pos, message);
            } else {
                ev.annotations().info(pos, message);
            }
        }
    }

    private HistogramOperands() {
    }

    /** {@code l op r}; {@code lh}/{@code rh} are the histograms, null for a float side. */
    static Outcome apply(BinaryOp op, double l, FloatHistogram lh, double r, FloatHistogram rh) {
        if (lh == null && rh == null) {
            return incompatible(op, "float", "float"); // only the trim operators come here with two floats
        }
        if (lh == null) {
            return op == BinaryOp.MUL ? kept(rh.mul(l).compact(0)) : incompatible(op, "float", "histogram");
        }
        if (rh == null) {
            switch (op) {
                case MUL: return kept(lh.mul(r).compact(0));
                case DIV: return kept(lh.div(r).compact(0));
                case TRIM_UPPER: return kept(HistogramTrim.trim(lh, r, true));
                case TRIM_LOWER: return kept(HistogramTrim.trim(lh, r, false));
                default: return incompatible(op, "histogram", "float");
            }
        }
        switch (op) {
            case ADD:
            case SUB:
                return combine(op, lh, rh);
            case EQL:
                return new Outcome(0, lh, lh.equals(rh), null);
            case NEQ:
                return new Outcome(0, lh, !lh.equals(rh), null);
            default:
                return incompatible(op, "histogram", "histogram");
        }
    }

    private static Outcome combine(BinaryOp op, FloatHistogram lh, FloatHistogram rh) {
        boolean add = op == BinaryOp.ADD;
        FloatHistogram.Combined c;
        try {
            c = add ? lh.add(rh) : lh.sub(rh);
        } catch (HistogramException e) {
            return Outcome.dropped(new Problem(true,
                    "incompatible bucket layout encountered for binary operator " + op.text(), true));
        }
        String operation = add ? "addition" : "subtraction";
        FloatHistogram h = c.histogram();
        if (!add) {
            h = h.withCounterResetHint(CounterResetHint.GAUGE);
        }
        if (c.counterResetCollision()) {
            // Prometheus returns the collision as the element's error: the element is dropped.
            return Outcome.dropped(new Problem(true, "conflicting counter resets during histogram " + operation, true));
        }
        Problem info = c.customBoundsReconciled()
                ? new Problem(false, "mismatched custom buckets were reconciled during " + operation, false) : null;
        return new Outcome(0, h.compact(0), true, info);
    }

    private static Outcome kept(FloatHistogram h) {
        return new Outcome(0, h, true, null);
    }

    private static Outcome incompatible(BinaryOp op, String lhsType, String rhsType) {
        String o = op.text();
        return Outcome.dropped(new Problem(false, "incompatible sample types encountered for binary operator \""
                + o + "\": " + lhsType + " " + o + " " + rhsType, true));
    }
}
