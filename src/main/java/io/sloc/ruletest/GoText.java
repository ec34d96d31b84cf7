package io.sloc.ruletest;

import io.sloc.gofmt.GoFloat;
import io.sloc.gofmt.GoQuote;
import io.sloc.promql.value.Labels;
import java.util.Map;

/** Go's renderings that promtool's messages are made of. */
final class GoText {
    private GoText() {
    }

    /** Go's {@code labels.Labels.String()}: {@code {__name__="up", job="a"}} (the name is an ordinary label). */
    static String labels(Labels labels) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(labels.name(i)).append('=').append(GoQuote.quote(labels.value(i)));
        }
        return sb.append('}').toString();
    }

    /** The same rendering for a name-sorted map, which, unlike {@link Labels}, may hold empty values. */
    static String labels(Map<String, String> sorted) {
        StringBuilder sb = new StringBuilder("{");
        sorted.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(GoQuote.quote(v));
        });
        return sb.append('}').toString();
    }

    /** {@code strconv.FormatFloat(v, 'E', -1, 64)}: {@code 1E+00}, {@code 3.999999999999991E-01}. */
    static String floatE(double v) {
        return GoFloat.format(v, 'E', -1);
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        return GoQuote.quote(s);
    }

    /** Go's {@code time.Duration.String()} of whole milliseconds: {@code 0s}, {@code 500ms}, {@code 1m0s}, {@code 1h0m1.5s}. */
    static String timeDuration(long ms) {
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
