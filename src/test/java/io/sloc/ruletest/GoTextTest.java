package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.value.Labels;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GoTextTest {
    @Test
    void goTimeDurations() {
        assertThat(GoText.timeDuration(0)).isEqualTo("0s");
        assertThat(GoText.timeDuration(500)).isEqualTo("500ms");
        assertThat(GoText.timeDuration(60_000)).isEqualTo("1m0s");
        assertThat(GoText.timeDuration(3_600_000)).isEqualTo("1h0m0s");
        assertThat(GoText.timeDuration(90_500)).isEqualTo("1m30.5s");
        assertThat(GoText.timeDuration(86_400_000)).isEqualTo("24h0m0s");
    }

    @Test
    void labelsPrintLikeGoLabelsIncludingTheName() {
        assertThat(GoText.labels(Labels.of("__name__", "up", "job", "a\"b"))).isEqualTo("{__name__=\"up\", job=\"a\\\"b\"}");
        TreeMap<String, String> withEmpty = new TreeMap<>();
        withEmpty.put("b", "");
        withEmpty.put("a", "x");
        assertThat(GoText.labels(withEmpty)).isEqualTo("{a=\"x\", b=\"\"}");
    }

    @Test
    void floatsPrintWithGoE() {
        assertThat(GoText.floatE(1)).isEqualTo("1E+00");
        assertThat(GoText.floatE(0.30000000000000004)).isEqualTo("3.0000000000000004E-01");
        assertThat(GoText.floatE(Double.NaN)).isEqualTo("NaN");
        assertThat(GoText.floatE(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }
}
