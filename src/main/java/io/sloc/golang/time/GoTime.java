package io.sloc.golang.time;

import io.sloc.golang.fmt.GoValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Time} (Go 1.19 as in Prometheus 2.42's build) as Prometheus's {@code toTime} returns it: a UTC
 * {@code *time.Time} with millisecond precision, its {@code String()} and {@code Format} layouts. The methods templates
 * call on it are {@link io.sloc.template.TimeMethods}.
 */
public record GoTime(long epochMillis) implements GoValue {
    @Override
    public String goTypeName() {
        return "*time.Time";
    }

    /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    @Override
    public String goString() {
        return format("2006-01-02 15:04:05.999999999 -0700 MST");
    }

    /** The instant in UTC. */
    public OffsetDateTime dateTime() {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }


    /** Go's {@code Time.Format} for a UTC time. */
    public String format(String layout) {
        OffsetDateTime t = dateTime();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            int consumed = appendChunk(out, t, layout, i);
            if (consumed == 0) {
                out.append(layout.charAt(i));
                i++;
            } else {
                i += consumed;
            }
        }
        return out.toString();
    }

    // One std chunk of Go's layout language at position i (0 = literal character), mirroring time.nextStdChunk.
    private static int appendChunk(StringBuilder out, OffsetDateTime t, String layout, int i) {
        String rest = layout.substring(i);
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String month = t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        DayOfWeek day = t.getDayOfWeek();
        String weekday = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        switch (rest.charAt(0)) {
            case 'J':
                if (rest.startsWith("January")) {
                    out.append(month);
                    return 7;
                }
                if (rest.startsWith("Jan")) {
                    out.append(month, 0, 3);
                    return 3;
                }
                return 0;
            case 'M':
                if (rest.startsWith("Monday")) {
                    out.append(weekday);
                    return 6;
                }
                if (rest.startsWith("Mon")) {
                    out.append(weekday, 0, 3);
                    return 3;
                }
                if (rest.startsWith("MST")) {
                    out.append("UTC");
                    return 3;
                }
                return 0;
            case '0':
                if (rest.startsWith("002")) {
                    out.append(String.format("%03d", t.getDayOfYear()));
                    return 3;
                }
                if (rest.length() > 1 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
                    int v = switch (rest.charAt(1)) {
                        case '1' -> t.getMonthValue();
                        case '2' -> t.getDayOfMonth();
                        case '3' -> hour12;
                        case '4' -> t.getMinute();
                        case '5' -> t.getSecond();
                        default -> t.getYear() % 100;
                    };
                    out.append(String.format("%02d", v));
                    return 2;
                }
                return 0;
            case '1':
                if (rest.startsWith("15")) {
                    out.append(String.format("%02d", t.getHour()));
                    return 2;
                }
                out.append(t.getMonthValue());
                return 1;
            case '2':
                if (rest.startsWith("2006")) {
                    out.append(String.format("%04d", t.getYear()));
                    return 4;
                }
                out.append(t.getDayOfMonth());
                return 1;
            case '_':
                if (rest.startsWith("_2006")) {
                    out.append('_');
                    return 1; // "_2006" is "_" followed by the year
                }
                if (rest.startsWith("_2")) {
                    out.append(String.format("%2d", t.getDayOfMonth()));
                    return 2;
                }
                if (rest.startsWith("__2")) {
                    out.append(String.format("%3d", t.getDayOfYear()));
                    return 3;
                }
                return 0;
            case '3':
                out.append(hour12);
                return 1;
            case '4':
                out.append(t.getMinute());
                return 1;
            case '5':
                out.append(t.getSecond());
                return 1;
            case 'P':
                if (rest.startsWith("PM")) {
                    out.append(t.getHour() >= 12 ? "PM" : "AM");
                    return 2;
                }
                return 0;
            case 'p':
                if (rest.startsWith("pm")) {
                    out.append(t.getHour() >= 12 ? "pm" : "am");
                    return 2;
                }
                return 0;
            case '-':
                for (String zone : new String[] {"-07:00:00", "-070000", "-07:00", "-0700", "-07"}) {
                    if (rest.startsWith(zone)) {
                        out.append(zone.replace('7', '0').replace('-', '+'));
                        return zone.length();
                    }
                }
                return 0;
            case 'Z':
                for (String zone : new String[] {"Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"}) {
                    if (rest.startsWith(zone)) {
                        out.append('Z');
                        return zone.length();
                    }
                }
                return 0;
            case '.':
            case ',':
                return appendFraction(out, t, rest);
            default:
                return 0;
        }
    }

    /** ".000" keeps trailing zeros, ".999" drops them (and the separator when nothing remains). */
    private static int appendFraction(StringBuilder out, OffsetDateTime t, String rest) {
        if (rest.length() < 2 || (rest.charAt(1) != '0' && rest.charAt(1) != '9')) {
            return 0;
        }
        char digit = rest.charAt(1);
        int j = 1;
        while (j < rest.length() && rest.charAt(j) == digit) {
            j++;
        }
        if (j < rest.length() && rest.charAt(j) >= '0' && rest.charAt(j) <= '9') {
            return 0; // followed by another digit: not a fractional-second field
        }
        int n = Math.min(j - 1, 9);
        String nanos = String.format("%09d", t.getNano()).substring(0, n);
        if (digit == '9') {
            nanos = nanos.replaceAll("0+$", "");
            if (!nanos.isEmpty()) {
                out.append(rest.charAt(0)).append(nanos);
            }
        } else {
            out.append(rest.charAt(0)).append(nanos);
        }
        return j;
    }
}
