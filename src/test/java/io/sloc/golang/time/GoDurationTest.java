package io.sloc.golang.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoDurationTest {
    @Test
    void printsLikeGoTimeDurationString() {
        assertThat(GoDuration.format(0)).isEqualTo("0s");
        assertThat(GoDuration.format(500)).isEqualTo("500ms");
        assertThat(GoDuration.format(60_000)).isEqualTo("1m0s");
        assertThat(GoDuration.format(3_600_000)).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(90_500)).isEqualTo("1m30.5s");
        assertThat(GoDuration.format(86_400_000)).isEqualTo("24h0m0s");
    }

    @Test
    void printsNanosecondsLikeGo() {
        assertThat(GoDuration.formatNanos(0)).isEqualTo("0s");
        assertThat(GoDuration.formatNanos(850)).isEqualTo("850ns");
        assertThat(GoDuration.formatNanos(1_500)).isEqualTo("1.5µs");
        assertThat(GoDuration.formatNanos(2_250_000)).isEqualTo("2.25ms");
        assertThat(GoDuration.formatNanos(117_806_750)).isEqualTo("117.80675ms");
        assertThat(GoDuration.formatNanos(1_000_000_000)).isEqualTo("1s");
        assertThat(GoDuration.formatNanos(63_000_000_001L)).isEqualTo("1m3.000000001s");
        assertThat(GoDuration.formatNanos(3_600_000_000_000L)).isEqualTo("1h0m0s");
        assertThat(GoDuration.formatNanos(-1_500)).isEqualTo("-1.5µs");
    }
}
