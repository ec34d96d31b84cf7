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
}
