package io.sloc.golang.time;

/**
 * The UTC calendar fields of {@code time.Unix(sec, 0)} computed as Go 1.19 computes them, for every int64 second:
 * Go adds its epoch offsets with int64 wrap-around and counts days from year -292277022399 in uint64, so seconds
 * beyond what java.time represents (or the int64 a NaN or infinity converts to) still give a date.
 */
public record GoCivilTime(long year, int month, int day, int yearDay, int hour, int minute, int weekday) {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAYS_PER_400_YEARS = 365 * 400 + 97;
    private static final long DAYS_PER_100_YEARS = 365 * 100 + 24;
    private static final long DAYS_PER_4_YEARS = 365 * 4 + 1;
    private static final long ABSOLUTE_ZERO_YEAR = -292_277_022_399L;
    private static final long UNIX_TO_INTERNAL = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * SECONDS_PER_DAY;
    /** Go's {@code -(absoluteZeroYear - internalYear) * 365.2425 * secondsPerDay}, an exact constant there. */
    private static final long INTERNAL_TO_ABSOLUTE = 9_223_371_966_579_724_800L;
    /** Days before each month's start in a non-leap year (index 12: the year's length). */
    private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

    /** The fields of {@code time.Unix(sec, 0).UTC()}; weekday 0 is Sunday. */
    public static GoCivilTime ofUnix(long sec) {
        long abs = sec + (UNIX_TO_INTERNAL + INTERNAL_TO_ABSOLUTE); // an unsigned count, wrapped as in Go
        long d = Long.divideUnsigned(abs, SECONDS_PER_DAY);
        long n = d / DAYS_PER_400_YEARS;
        long y = 400 * n;
        d -= DAYS_PER_400_YEARS * n;
        n = d / DAYS_PER_100_YEARS;
        n -= n >> 2;
        y += 100 * n;
        d -= DAYS_PER_100_YEARS * n;
        n = d / DAYS_PER_4_YEARS;
        y += 4 * n;
        d -= DAYS_PER_4_YEARS * n;
        n = d / 365;
        n -= n >> 2;
        y += n;
        d -= 365 * n;
        long year = y + ABSOLUTE_ZERO_YEAR;
        int yearDay = (int) d;
        long secondOfDay = Long.remainderUnsigned(abs, SECONDS_PER_DAY);
        int hour = (int) (secondOfDay / 3600);
        int minute = (int) (secondOfDay % 3600 / 60);
        // Go counts weekdays from its absolute zero plus a Monday.
        int weekday = (int) (Long.remainderUnsigned(abs + SECONDS_PER_DAY, 7 * SECONDS_PER_DAY) / SECONDS_PER_DAY);
        int day = yearDay;
        if (isLeap(year)) {
            if (day == 31 + 29 - 1) {
                return new GoCivilTime(year, 2, 29, yearDay + 1, hour, minute, weekday);
            }
            if (day > 31 + 29 - 1) {
                day--;
            }
        }
        int month = day / 31;
        int begin = DAYS_BEFORE[month];
        if (day >= DAYS_BEFORE[month + 1]) {
            begin = DAYS_BEFORE[month + 1];
            month++;
        }
        return new GoCivilTime(year, month + 1, day - begin + 1, yearDay + 1, hour, minute, weekday);
    }

    /** The number of days in this date's month. */
    public int daysInMonth() {
        return month == 2 && isLeap(year) ? 29 : DAYS_BEFORE[month] - DAYS_BEFORE[month - 1];
    }

    private static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
