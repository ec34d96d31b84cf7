package io.sloc.promql;

import io.sloc.golang.strconv.GoQuote;
import java.util.Arrays;

/**
 * Prometheus durations ({@code model.ParseDuration} / {@code model.Duration.String()} of prometheus/common):
 * integer amounts of the units y w d h m s ms, each at most once and strictly in that order, or a bare {@code 0}.
 */
public final class Durations {
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MS = {365L * 24 * 3_600_000, 7L * 24 * 3_600_000, 24L * 3_600_000, 3_600_000,
        60_000, 1_000, 1};
    /** Go stores durations as int64 nanoseconds, so larger values overflow ({@value #OUT_OF_RANGE}). */
    public static final long MAX_MS = Long.MAX_VALUE / 1_000_000;
    public static final String OUT_OF_RANGE = "duration out of range";

    private Durations() {
    }

    /** @throws IllegalArgumentException with Go's message, e.g. {@code not a valid duration string: "1.5m"} */
    public static long parse(String text) {
        return parse(text, PromqlProfile.V2_42);
    }

    /**
     * {@link #parse(String)} with the profile's prometheus/common: since v0.42 (Prometheus 3) a unit that is not one
     * of y w d h m s ms is named ({@code unknown unit "hs" in duration "5y1hs"}).
     */
    public static long parse(String text, PromqlProfile profile) {
        if (text.equals("0")) {
            return 0;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        long total = 0;
        boolean overflow = false;
        int pos = 0;
        int nextUnit = 0;
        while (pos < text.length()) {
            int digitsEnd = pos;
            while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
                digitsEnd++;
            }
            int unit = digitsEnd == pos ? -1 : unitAt(text, digitsEnd, nextUnit);
            if (unit < 0) {
                throw profile.namesUnknownDurationUnits() && digitsEnd > pos ? unknownUnit(text, digitsEnd)
                        : invalid(text);
            }
            long amount = parseAmount(text.substring(pos, digitsEnd));
            if (amount > MAX_MS / UNIT_MS[unit]) {
                overflow = true;
            } else {
                total += amount * UNIT_MS[unit];
                overflow |= total > MAX_MS;
            }
            pos = digitsEnd + UNITS[unit].length();
            nextUnit = unit + 1;
        }
        if (overflow) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return total;
    }

    /** The unit starting at {@code pos} (longest match, "ms" before "m"), if it may follow the previous one. */
    private static int unitAt(String text, int pos, int firstAllowed) {
        for (int unit = UNITS.length - 1; unit >= firstAllowed; unit--) {
            String name = UNITS[unit];
            if (text.startsWith(name, pos) && endsUnit(text, pos + name.length())) {
                return unit;
            }
        }
        return -1;
    }

    private static boolean endsUnit(String text, int end) {
        return end == text.length() || (text.charAt(end) >= '0' && text.charAt(end) <= '9');
    }

    private static long parseAmount(String digits) {
        // Go's strconv.Atoi saturates on overflow and the range check then rejects the value.
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The unit (the non-digits after {@code from}), if it is not a unit at all; else an invalid duration. */
    private static IllegalArgumentException unknownUnit(String text, int from) {
        int end = from;
        while (end < text.length() && (text.charAt(end) < '0' || text.charAt(end) > '9')) {
            end++;
        }
        String unit = text.substring(from, end);
        if (unit.isEmpty() || Arrays.asList(UNITS).contains(unit)) {
            return invalid(text);
        }
        return new IllegalArgumentException(
                "unknown unit " + GoQuote.quote(unit) + " in duration " + GoQuote.quote(text));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a valid duration string: " + GoQuote.quote(text));
    }

    /**
     * {@code model.Duration.String()}: largest units first, zero components left out, years and weeks only when
     * they divide the value exactly ({@code 0s}, {@code 1m30s}, {@code 1d}, {@code 2m59s999ms}, {@code 1w}).
     * Negative values (which Go renders as an empty string) get a leading '-'.
     */
    public static String format(long ms) {
        if (ms == 0) {
            return "0s";
        }
        if (ms < 0) {
            return "-" + format(-ms);
        }
        StringBuilder out = new StringBuilder();
        long rest = ms;
        for (int unit = 0; unit < UNITS.length; unit++) {
            boolean exactOnly = unit < 2;
            if (exactOnly && rest % UNIT_MS[unit] != 0) {
                continue;
            }
            long amount = rest / UNIT_MS[unit];
            if (amount > 0) {
                out.append(amount).append(UNITS[unit]);
                rest -= amount * UNIT_MS[unit];
            }
        }
        return out.toString();
    }
}
