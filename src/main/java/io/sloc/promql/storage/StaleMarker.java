package io.sloc.promql.storage;

/** Prometheus's staleness marker: a NaN with a specific bit pattern, distinct from ordinary NaN values. */
public final class StaleMarker {
    public static final long BITS = 0x7ff0000000000002L;
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleMarker() {
    }

    /** Compares raw bits: Double.doubleToLongBits would canonicalise every NaN and lose the marker. */
    public static boolean is(double v) {
        return Double.doubleToRawLongBits(v) == BITS;
    }
}
