package io.sloc.template;

import io.sloc.golang.time.GoTime;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** The methods of {@code *time.Time} that templates can call ({@code Unix}, {@code Format}, {@code Year}, ...). */
final class TimeMethods {
    private TimeMethods() {
    }

    /** The method {@code name} as a template-callable function, or null when *time.Time has none by that name. */
    static GoFunction method(GoTime time, String name) {
        long epochMillis = time.epochMillis();
        OffsetDateTime t = time.dateTime();
        return switch (name) {
            case "Unix" -> GoFunction.of(args -> Math.floorDiv(epochMillis, 1000L));
            case "UnixMilli" -> GoFunction.of(args -> epochMillis);
            case "UnixMicro" -> GoFunction.of(args -> epochMillis * 1000);
            case "UnixNano" -> GoFunction.of(args -> epochMillis * 1_000_000);
            case "Year" -> GoFunction.of(args -> (long) t.getYear());
            case "YearDay" -> GoFunction.of(args -> (long) t.getDayOfYear());
            case "Day" -> GoFunction.of(args -> (long) t.getDayOfMonth());
            case "Hour" -> GoFunction.of(args -> (long) t.getHour());
            case "Minute" -> GoFunction.of(args -> (long) t.getMinute());
            case "Second" -> GoFunction.of(args -> (long) t.getSecond());
            case "Nanosecond" -> GoFunction.of(args -> (long) t.getNano());
            case "Month" -> GoFunction.of(args -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "Weekday" -> GoFunction.of(args -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "UTC", "Local" -> GoFunction.of(args -> time);
            case "String" -> GoFunction.of(args -> time.goString());
            case "Format" -> GoFunction.of(args -> time.format((String) args[0]), GoType.STRING);
            default -> null;
        };
    }
}
