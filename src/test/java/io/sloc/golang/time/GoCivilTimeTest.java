package io.sloc.golang.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoCivilTimeTest {
    @Test
    void agreesWithJavaTimeWhereJavaTimeReaches() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long sec = i % 2 == 0 ? random.nextLong(-62_135_596_800L * 2, 253_402_300_800L * 2)
                    : random.nextLong(-31_556_889_864_403_199L, 31_556_889_864_403_199L);
            LocalDateTime java = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
            GoCivilTime go = GoCivilTime.ofUnix(sec);
            assertThat(go).as("%d", sec).isEqualTo(new GoCivilTime(java.getYear(), java.getMonthValue(),
                    java.getDayOfMonth(), java.getDayOfYear(), java.getHour(), java.getMinute(),
                    java.getDayOfWeek().getValue() % 7));
            assertThat(go.daysInMonth()).isEqualTo(java.toLocalDate().lengthOfMonth());
        }
    }

    @Test
    void wrapsAroundBeyondInt64SecondsAsGoDoes() {
        // promtool 2.42 (Go 1.19): year(), month(), ... of NaN, whose int64 conversion is the smallest int64.
        assertThat(GoCivilTime.ofUnix(Long.MIN_VALUE))
                .isEqualTo(new GoCivilTime(292_277_026_596L, 12, 4, 339, 15, 30, 0));
        assertThat(GoCivilTime.ofUnix(Long.MIN_VALUE).daysInMonth()).isEqualTo(31);
    }
}
