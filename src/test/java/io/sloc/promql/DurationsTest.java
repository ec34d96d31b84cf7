package io.sloc.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"0,0", "1ms,1", "5m,300000", "1h30m,5400000", "1d,86400000", "1w,604800000", "1y,31536000000",
        "1y2w3d4h5m6s7ms,33019506007", "90s,90000", "0s,0", "292y,9208512000000"})
    void parsesLikeModelParseDuration(String text, long ms) {
        assertThat(Durations.parse(text)).isEqualTo(ms);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5m|not a valid duration string: \"1.5m\"",
        "1m1h|not a valid duration string: \"1m1h\"", "5|not a valid duration string: \"5\"",
        "1h1h|not a valid duration string: \"1h1h\"", "-5m|not a valid duration string: \"-5m\"",
        "1ms1s|not a valid duration string: \"1ms1s\"", "m|not a valid duration string: \"m\"",
        "1000y|duration out of range", "99999999999999999999s|duration out of range"})
    void rejectsLikeGo(String text, String message) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "90000,1m30s", "86400000,1d", "179999,2m59s999ms", "604800000,1w", "31536000000,1y",
        "1209600000+86400000,15d", "-60000,-1m", "31536000001,365d1ms"})
    void formatsLikeModelDurationString(String ms, String text) {
        long value = ms.contains("+") ? Long.parseLong(ms.split("\\+")[0]) + Long.parseLong(ms.split("\\+")[1])
                : Long.parseLong(ms);
        assertThat(Durations.format(value)).isEqualTo(text);
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 9_000_000_000_000L) long ms) {
        assertThat(Durations.parse(Durations.format(ms))).isEqualTo(ms);
    }
}
