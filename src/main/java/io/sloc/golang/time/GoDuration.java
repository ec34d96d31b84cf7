package io.sloc.golang.time;

/**
 * Go's {@code time.Duration.String()} (promtool prints rule evaluation times with it). Prometheus's own
 * {@code model.Duration} form ({@code 1m}, {@code 1h30m}) is {@link io.sloc.promql.Durations}.
 *
 * <p>Follows Go 1.19's {@code time} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoDuration {
    private GoDuration() {
    }

    /** Go's {@code time.Duration.String()} of whole milliseconds: {@code 0s}, {@code 500ms}, {@code 1m0s}, {@code 1h0m1.5s}. */
    public static String format(long ms) {
        if (ms == 0) {
            return "0s";
        }
        String sign = ms < 0 ? "-" : "";
        long abs = Math.abs(ms);
        if (abs < 1000) {
            return sign + abs + "ms";
        }
        StringBuilder sb = new StringBuilder(sign);
        long hours = abs / 3_600_000;
        long minutes = abs / 60_000 % 60;
        long seconds = abs / 1000 % 60;
        long millis = abs % 1000;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        sb.append(seconds);
        if (millis > 0) {
            String frac = String.format("%03d", millis).replaceAll("0+$", "");
            sb.append('.').append(frac);
        }
        return sb.append('s').toString();
    }

    /**
     * Go's {@code time.Duration.String()} of nanoseconds: {@code 0s}, {@code 850ns}, {@code 1.5µs}, {@code 2.25ms},
     * {@code 1m3.000000001s}.
     */
    public static String formatNanos(long ns) {
        if (ns == 0) {
            return "0s";
        }
        String sign = ns < 0 ? "-" : "";
        long abs = Math.abs(ns);
        if (abs < 1_000) {
            return sign + abs + "ns";
        }
        if (abs < 1_000_000) {
            return sign + fraction(abs, 1_000, 3) + "µs";
        }
        if (abs < 1_000_000_000) {
            return sign + fraction(abs, 1_000_000, 6) + "ms";
        }
        StringBuilder sb = new StringBuilder(sign);
        long hours = abs / 3_600_000_000_000L;
        long minutes = abs / 60_000_000_000L % 60;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(fraction(abs % 60_000_000_000L, 1_000_000_000, 9)).append('s').toString();
    }

    /** {@code value / unit} with its remainder as up to {@code digits} decimals, trailing zeros dropped. */
    private static String fraction(long value, long unit, int digits) {
        long remainder = value % unit;
        String whole = Long.toString(value / unit);
        if (remainder == 0) {
            return whole;
        }
        return whole + "." + String.format("%0" + digits + "d", remainder).replaceAll("0+$", "");
    }
}
