package io.sloc.golang.math;

/**
 * Go's math special cases where Java's differ (math.Pow, math.Max/Min, int64 conversion, Kahan sums).
 *
 * <p>Follows Go 1.19's {@code math}, and Prometheus 2.42's {@code kahanSumInc} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoMath {
    private GoMath() {
    }

    /**
     * Go's {@code math.Pow}, ported: integer powers are computed by repeated squaring of the mantissa, which can
     * differ in the last bit from Java's Math.pow, so bit-exact results need Go's algorithm.
     */
    public static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (y == 1) {
            return x;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            boolean negZero = Double.doubleToRawLongBits(x) != 0;
            if (y < 0) {
                if (isOddInt(y)) {
                    return negZero ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                return Double.POSITIVE_INFINITY;
            }
            return isOddInt(y) ? x : 0;
        }
        if (Double.isInfinite(y)) {
            if (x == -1) {
                return 1;
            }
            if ((Math.abs(x) < 1) == (y > 0)) {
                return 0;
            }
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            if (x < 0) {
                return pow(1 / x, -y); // Pow(-0, -y)
            }
            return y < 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -0.5) {
            return 1 / Math.sqrt(x);
        }
        double ay = Math.abs(y);
        double yi = ay >= 0x1p52 ? ay : (double) (long) ay; // Modf
        double yf = ay - yi;
        if (yf != 0 && x < 0) {
            return Double.NaN;
        }
        if (yi >= 0x1p63) {
            // a large even integer: overflow or underflow for every x but -1
            if (x == -1) {
                return 1;
            }
            if ((Math.abs(x) < 1) == (y > 0)) {
                return 0;
            }
            return Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        if (yf != 0) {
            if (yf > 0.5) {
                yf--;
                yi++;
            }
            a1 = exp(yf * log(x));
        }
        // frexp(x): x = x1 * 2^xe with |x1| in [0.5, 1)
        int xe = Math.getExponent(x);
        double x1;
        if (xe < Double.MIN_EXPONENT) { // subnormal
            double normal = x * 0x1p54;
            xe = Math.getExponent(normal) - 54;
            x1 = Math.scalb(normal, -Math.getExponent(normal) - 1);
        } else {
            x1 = Math.scalb(x, -xe - 1);
        }
        xe += 1;
        long xeLong = xe;
        for (long i = (long) yi; i != 0; i >>= 1) {
            if (xeLong < -(1 << 12) || (1 << 12) < xeLong) {
                ae += xeLong; // catastrophic overflow: let ldexp handle it
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xeLong;
            }
            x1 *= x1;
            xeLong <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xeLong--;
            }
        }
        if (y < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return ldexp(a1, ae);
    }

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Go's constant expressions 1/Ln2 and 1/Ln10, rounded once from exact values. */
    public static final double INV_LN2 = Double.longBitsToDouble(0x3FF71547652B82FEL);
    public static final double INV_LN10 = Double.longBitsToDouble(0x3FDBCB7B1526E50EL);

    /** Go's {@code math.Log} (FreeBSD e_log.c; the amd64 assembly computes the same sequence). */
    public static double log(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double f1 = frexpFraction(x);
        int ki = frexpExponent(x);
        if (f1 < Math.sqrt(2) / 2) {
            f1 *= 2;
            ki--;
        }
        double f = f1 - 1;
        double k = ki;
        double s = f / (2 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * (6.666666666666735130e-01 + s4 * (2.857142874366239149e-01
                + s4 * (1.818357216161805012e-01 + s4 * 1.479819860511658591e-01)));
        double t2 = s4 * (3.999999999940941908e-01 + s4 * (2.222219843214978396e-01
                + s4 * 1.531383769920937332e-01));
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }

    /**
     * Go's {@code math.Exp} as its amd64 assembly (exp_amd64.s, FMA path) computes it: Shibata's method with k
     * rounded to nearest, reduction by k·ln2 in two fused steps, a Taylor series on r/16 and four squarings.
     * Assumes an FMA-capable CPU (every x86-64 since 2013); Go rounds each step separately without FMA.
     */
    public static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x > 7.09782712893384e+02) {
            return Double.POSITIVE_INFINITY;
        }
        double scaled = x * 1.4426950408889634073599246810018920;
        int k = Math.abs(scaled) < 0x1p31 ? (int) Math.rint(scaled) : Integer.MIN_VALUE; // CVTSD2SL
        double kd = k;
        double r = Math.fma(-kd, 0.69314718055966295651160180568695068359375, x);
        r = Math.fma(-kd, 0.28235290563031577122588448175013436025525412068e-12, r);
        r *= 0.0625;
        double p = Math.fma(2.4801587301587301587e-5, r, 1.9841269841269841270e-4);
        p = Math.fma(p, r, 1.3888888888888888889e-3);
        p = Math.fma(p, r, 8.3333333333333333333e-3);
        p = Math.fma(p, r, 4.1666666666666666667e-2);
        p = Math.fma(p, r, 1.6666666666666666667e-1);
        p = Math.fma(p, r, 0.5);
        p = Math.fma(p, r, 1.0);
        double y = r * p;
        y = y * (y + 2.0);
        y = y * (y + 2.0);
        y = y * (y + 2.0);
        y = Math.fma(y, y + 2.0, 1.0);
        int biased = k + 0x3FF;
        if (biased <= 0) {
            return 0;
        }
        if (biased >= 0x7FF) {
            return Double.POSITIVE_INFINITY;
        }
        return y * Double.longBitsToDouble((long) biased << 52);
    }

    /** Fraction of Go's math.Frexp: |f| in [0.5, 1). */
    public static double frexpFraction(double x) {
        if (Math.getExponent(x) < Double.MIN_EXPONENT) {
            double normal = x * 0x1p54;
            return Math.scalb(normal, -Math.getExponent(normal) - 1);
        }
        return Math.scalb(x, -Math.getExponent(x) - 1);
    }

    /** Exponent of Go's math.Frexp. */
    public static int frexpExponent(double x) {
        if (Math.getExponent(x) < Double.MIN_EXPONENT) {
            return Math.getExponent(x * 0x1p54) - 54 + 1;
        }
        return Math.getExponent(x) + 1;
    }

    private static boolean isOddInt(double y) {
        if (Math.abs(y) >= 0x1p53) {
            return false;
        }
        long l = (long) y;
        return l == y && (l & 1) == 1;
    }

    /** Go's math.Ldexp: frac * 2^exp with a single rounding for subnormal results. */
    private static double ldexp(double frac, long exp) {
        if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
            return frac;
        }
        int clamped = (int) Math.max(-2200, Math.min(2200, exp));
        return Math.scalb(frac, clamped);
    }

    /** {@code math.Mod}: Java's {@code %} on doubles is the same exact fmod with the dividend's sign. */
    public static double mod(double x, double y) {
        return x % y;
    }

    /** {@code math.Max}: +Inf wins over NaN, unlike Java's Math.max. */
    public static double max(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(x, y);
    }

    /** {@code math.Min}: -Inf wins over NaN, unlike Java's Math.min. */
    public static double min(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min(x, y);
    }

    /** Go's {@code int64(f)} on amd64: truncation; NaN and out-of-range give math.MinInt64. */
    public static long toInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** Prometheus's convertibleToInt64. */
    public static boolean convertibleToInt64(double v) {
        return v <= 9223372036854774784.0 && v >= -9223372036854775808.0;
    }

    /** Kahan/Neumaier compensated running sum holder, as Prometheus's kahanSumInc. */
    public static final class KahanSum {
        public double sum;
        public double c;

        public void add(double inc) {
            double t = sum + inc;
            if (Math.abs(sum) >= Math.abs(inc)) {
                c += (sum - t) + inc;
            } else {
                c += (inc - t) + sum;
            }
            sum = t;
        }

        /** Prometheus 3's kahansum.Inc: as {@link #add}, but an infinite sum drops the compensation. */
        public void addDroppingCompensationOnOverflow(double inc) {
            double t = sum + inc;
            if (Double.isInfinite(t)) {
                c = 0;
            } else if (Math.abs(sum) >= Math.abs(inc)) {
                c += (sum - t) + inc;
            } else {
                c += (inc - t) + sum;
            }
            sum = t;
        }

        public double value() {
            return Double.isInfinite(sum) ? sum : sum + c;
        }
    }
}
