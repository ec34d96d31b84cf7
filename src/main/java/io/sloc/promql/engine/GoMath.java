package io.sloc.promql.engine;

/** Go's math special cases where Java's differ (math.Pow, math.Max/Min, int64 conversion, Kahan sums). */
final class GoMath {
    private GoMath() {
    }

    /** {@code math.Pow}: Java agrees except pow(1, y) and pow(-1, ±Inf), which Go defines as 1. */
    static double pow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
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
