package io.sloc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.rules.RulesEmitter;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.Drift;
import io.sloc.pipeline.OutputWriter;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code generated/} is exactly what the Hatago specs compile to (the drift check CI relies on),
 * and compiling is deterministic: twice in a row, and under another locale and time zone, the same bytes.
 */
class GoldenTest {
    @Test
    void generatedDirectoryMatchesTheSpecsByteForByte() {
        Drift drift = OutputWriter.compare(TestCompiles.hatago().output(), TestCompiles.projectPath("generated"));
        assertThat(drift.render()).as("run ./sloc compile slo-specs/ -o generated/ and commit").isEmpty();
        assertThat(drift.inSync()).isTrue();
    }

    @Test
    void goldenCoversEveryServiceAndRunbook() {
        CompileSpecs.Result result = TestCompiles.hatago();
        assertThat(result.output().files().keySet()).contains(
                RulesEmitter.path(TestCompiles.service(result, "hatago")),
                "runbooks/availability-slo-breach.md", "runbooks/latency-slo-breach.md",
                "runbooks/circuit-breaker-open.md");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void compilingTwiceAndUnderAnotherLocaleAndTimeZoneGivesIdenticalBytes() {
        var first = snapshot(TestCompiles.hatago());
        var second = snapshot(TestCompiles.hatago());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            // Turkish dotless i and German decimal commas break naive case mapping and number formatting.
            Locale.setDefault(new Locale("tr", "TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            var third = snapshot(TestCompiles.hatago());
            Locale.setDefault(Locale.GERMANY);
            var fourth = snapshot(TestCompiles.hatago());
            assertThat(second).isEqualTo(first);
            assertThat(third).isEqualTo(first);
            assertThat(fourth).isEqualTo(first);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static TreeMap<String, String> snapshot(CompileSpecs.Result result) {
        return result.output().files().entrySet().stream().collect(Collectors.toMap(e -> e.getKey(),
                e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8), (a, b) -> a, TreeMap::new));
    }
}
