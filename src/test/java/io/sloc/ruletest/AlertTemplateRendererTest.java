package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memoised expansions must render exactly what a fresh expansion renders. */
class AlertTemplateRendererTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final Querier querier = new Querier(storage, 60_000, 0, PromqlProfile.V2_42);
    private final AlertTemplateRenderer renderer = new AlertTemplateRenderer(Map.of("env", "prod"), "http://x");

    @Test
    void valueAndLabelTemplatesFollowTheirInputs() {
        Labels a = Labels.of("job", "a");
        Labels b = Labels.of("job", "b");
        String text = "{{ $labels.job }} {{ $value | humanizePercentage }} {{ $externalLabels.env }}";
        assertThat(renderer.expand("A", text, new Sample(a, 0, 0.5), 0, querier)).isEqualTo("a 50% prod");
        assertThat(renderer.expand("A", text, new Sample(a, 60_000, 0.5), 60_000, querier)).isEqualTo("a 50% prod");
        assertThat(renderer.expand("A", text, new Sample(a, 60_000, 0.25), 60_000, querier)).isEqualTo("a 25% prod");
        assertThat(renderer.expand("A", text, new Sample(b, 60_000, 0.25), 60_000, querier)).isEqualTo("b 25% prod");
        assertThat(renderer.expand("A", "{{ $value }}", new Sample(a, 0, 0.0), 0, querier)).isEqualTo("0");
        assertThat(renderer.expand("A", "{{ $value }}", new Sample(a, 0, -0.0), 0, querier)).isEqualTo("-0");
    }

    @Test
    void templatesCallingQuerySeeTheStorageAtEachEvaluationTime() {
        Labels m = Labels.of("__name__", "m");
        String text = "{{ with query \"m\" }}{{ . | first | value }}{{ end }}";
        Sample alert = new Sample(Labels.of("job", "a"), 0, 1);
        storage.append(m, 0, 1);
        assertThat(renderer.expand("A", text, alert, 0, querier)).isEqualTo("1");
        storage.append(m, 60_000, 2);
        assertThat(renderer.expand("A", text, alert, 60_000, querier)).isEqualTo("2");
    }
}
