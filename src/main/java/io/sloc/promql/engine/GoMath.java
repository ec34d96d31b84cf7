package io.sloc.promql.engine;

/** Go's math special cases where Java's differ (math.Pow, math.Max/Min, int64 conversion, Kahan sums). */
final class GoMath {
    private GoMath() {
    }

    /**
     * Go's {@code math.Pow}, ported: integer powers are computed by repeated squaring of the mantissa, which can
     * differ in the last bit from Java's Math.pow, so bit-exact results need Go's algorithm. The fractional part
     * uses Math.exp/Math.log (Go's amd64 assembly versions of those are not reproduced).
     */
    static double pow(double x, double y) {
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
            a1 = Math.exp(yf * Math.log(x));
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
    static double mod(double x, double y) {
        return x % y;
    }

    /** {@code math.Max}: +Inf wins over NaN, unlike Java's Math.max. */
    static double max(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(x, y);
    }

    /** {@code math.Min}: -Inf wins over NaN, unlike Java's Math.min. */
    static double min(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min(x, y);
    }

    /** Go's {@code int64(f)} on amd64: truncation; NaN and out-of-range give math.MinInt64. */
    static long toInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** Prometheus's convertibleToInt64. */
    static boolean convertibleToInt64(double v) {
        return v <= 9223372036854774784.0 && v >= -9223372036854775808.0;
    }

    /** Kahan/Neumaier compensated running sum holder, as Prometheus's kahanSumInc. */
    static final class KahanSum {
        double sum;
        double c;

        void add(double inc) {
            double t = sum + inc;
            if (Math.abs(sum) >= Math.abs(inc)) {
                c += (sum - t) + inc;
            } else {
                c += (inc - t) + sum;
            }
            sum = t;
        }

        double value() {
            return Double.isInfinite(sum) ? sum : sum + c;
        }
    }
}
