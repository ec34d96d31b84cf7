package io.sloc.promql.engine;

import io.sloc.promql.storage.StaleMarker;

/** Prometheus's util/almost: float comparison with a relative tolerance, used by the engine and by test scripts. */
public final class Almost {
    private Almost() {
    }

    /**
     * {@code almost.Equal}: true when a and b differ by less than their sum times epsilon (near zero: epsilon times
     * the smallest normal), when both are stale markers, or when both are other NaNs.
     */
    public static boolean equal(double a, double b, double epsilon) {
        if (StaleMarker.is(a) || StaleMarker.is(b)) {
            return StaleMarker.is(a) && StaleMarker.is(b);
        }
        if (Double.isNaN(a) && Double.isNaN(b) || a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < epsilon * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }
}
