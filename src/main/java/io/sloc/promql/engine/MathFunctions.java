package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.math.GoTrig;
import io.sloc.promql.ast.Call;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Element-wise math on instant vectors (metric name dropped), round, clamp and the scalar min_of/max_of. */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(Map<String, FunctionImpl> m) {
        elementwise(m, "abs", Math::abs);
        elementwise(m, "ceil", Math::ceil);
        elementwise(m, "floor", Math::floor);
        elementwise(m, "exp", GoMath::exp);
        elementwise(m, "sqrt", Math::sqrt);
        elementwise(m, "ln", GoMath::log);
        elementwise(m, "log2", MathFunctions::log2);
        elementwise(m, "log10", v -> GoMath.log(v) * GoMath.INV_LN10);
        elementwise(m, "sgn", v -> v < 0 ? -1 : v > 0 ? 1 : v);
        elementwise(m, "sin", GoTrig::sin);
        elementwise(m, "cos", GoTrig::cos);
        elementwise(m, "tan", GoTrig::tan);
        elementwise(m, "asin", GoTrig::asin);
        elementwise(m, "acos", GoTrig::acos);
        elementwise(m, "atan", GoTrig::atan);
        elementwise(m, "sinh", GoTrig::sinh);
        elementwise(m, "cosh", GoTrig::cosh);
        elementwise(m, "tanh", GoTrig::tanh);
        elementwise(m, "asinh", MathFunctions::asinh);
        elementwise(m, "acosh", MathFunctions::acosh);
        elementwise(m, "atanh", MathFunctions::atanh);
        elementwise(m, "deg", v -> v * 180 / Math.PI);
        elementwise(m, "rad", v -> v * Math.PI / 180);
        m.put("pi", (ev, c, t) -> new Scalar(t, Math.PI));
        // Java's min and max propagate NaN and order -0 below +0, as Go's math.Min and math.Max.
        m.put("min_of", (ev, c, t) -> new Scalar(t, Math.min(ev.evalScalar(c.args().get(0), t),
                ev.evalScalar(c.args().get(1), t))));
        m.put("max_of", (ev, c, t) -> new Scalar(t, Math.max(ev.evalScalar(c.args().get(0), t),
                ev.evalScalar(c.args().get(1), t))));
        m.put("round", MathFunctions::round);
        m.put("clamp", (ev, c, t) -> clamp(ev, c, t, ev.evalScalar(c.args().get(1), t),
                ev.evalScalar(c.args().get(2), t)));
        m.put("clamp_min", (ev, c, t) -> clamp(ev, c, t, ev.evalScalar(c.args().get(1), t), Double.NaN));
        m.put("clamp_max", (ev, c, t) -> clamp(ev, c, t, Double.NaN, ev.evalScalar(c.args().get(1), t)));
    }

    private static void elementwise(Map<String, FunctionImpl> m, String name, DoubleUnaryOperator f) {
        m.put(name, (ev, c, t) -> map(ev, c, t, f));
    }

    static Vector map(Evaluator ev, Call c, long t, DoubleUnaryOperator f) {
        Vector in = ev.evalVector(c.args().get(0), t);
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            if (!s.isHistogram()) { // float functions skip native histograms
                out.add(ev.nameDropped(s.metric(), t, f.applyAsDouble(s.value())));
            }
        }
        return ev.checkedVector(out);
    }

    private static final double LN2 = 6.93147180559945286227e-01;
    private static final double NEAR_ZERO = 1.0 / (1 << 28);
    private static final double LARGE = 1 << 28;

    /** Go's math.Log2: exact for powers of two, {@code Log(frac)/Ln2 + exp} otherwise. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return GoMath.log(x);
        }
        double frac = GoMath.frexpFraction(x);
        int exp = GoMath.frexpExponent(x);
        if (frac == 0.5) {
            return exp - 1;
        }
        return GoMath.log(frac) * GoMath.INV_LN2 + exp;
    }

    /** Go's math.Asinh algorithm. */
    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a > LARGE) {
            r = GoMath.log(a) + LN2;
        } else if (a > 2) {
            r = GoMath.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
        } else if (a < NEAR_ZERO) {
            r = a;
        } else {
            r = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        }
        return x < 0 ? -r : r;
    }

    /** Go's math.Acosh algorithm. */
    static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= LARGE) {
            return GoMath.log(x) + LN2;
        }
        if (x > 2) {
            return GoMath.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** Go's math.Atanh algorithm. */
    static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        double a = Math.abs(x);
        double r;
        if (a < NEAR_ZERO) {
            r = a;
        } else if (a < 0.5) {
            r = a + a;
            r = 0.5 * StrictMath.log1p(r + r * a / (1 - a));
        } else {
            r = 0.5 * StrictMath.log1p((a + a) / (1 - a));
        }
        return x < 0 ? -r : r;
    }

    /** {@code floor(v * (1/to) + 0.5) / (1/to)}: ties round up; the inverse is used as Prometheus does. */
    private static Vector round(Evaluator ev, Call c, long t) {
        double toNearest = c.args().size() >= 2 ? ev.evalScalar(c.args().get(1), t) : 1;
        double inverse = 1.0 / toNearest;
        return map(ev, c, t, v -> Math.floor(v * inverse + 0.5) / inverse);
    }

    /** NaN bounds mean "no bound" for clamp_min/clamp_max; clamp with max < min gives nothing. */
    private static Vector clamp(Evaluator ev, Call c, long t, double min, double max) {
        boolean hasMin = c.function().name().equals("clamp") || c.function().name().equals("clamp_min");
        boolean hasMax = c.function().name().equals("clamp") || c.function().name().equals("clamp_max");
        if (hasMin && hasMax && max < min) {
            ev.evalVector(c.args().get(0), t);
            return Vector.EMPTY;
        }
        return map(ev, c, t, v -> {
            double r = v;
            if (hasMax) {
                r = GoMath.min(max, r);
            }
            if (hasMin) {
                r = GoMath.max(min, r);
            }
            return r;
        });
    }
}
