package io.sloc.template;

import io.sloc.gofmt.GoValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A UTC {@code *time.Time} with millisecond precision, as Prometheus's {@code toTime} returns. */
record GoTime(long epochMillis) implements GoValue {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @Override
    public String goTypeName() {
        return "*time.Time";
    }

    /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}, fraction without trailing zeros. */
    @Override
    public String goString() {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        StringBuilder s = new StringBuilder(SECONDS.format(instant.atOffset(ZoneOffset.UTC)));
        int millis = instant.getNano() / 1_000_000;
        if (millis != 0) {
            String fraction = String.format("%03d", millis).replaceAll("0+$", "");
            s.append('.').append(fraction);
        }
        return s.append(" +0000 UTC").toString();
    }
}
