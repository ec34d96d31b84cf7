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
}
