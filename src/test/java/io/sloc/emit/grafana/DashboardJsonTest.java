package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.grafana.model.Thresholds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardJsonTest {

    record Sample(String zeta, String alpha, String absent, Map<String, Integer> map, List<Object> empty) {
    }

    @Test
    void writesSortedKeysTwoSpaceIndentAndATrailingNewline() {
        String json = new String(DashboardJson.json(new Sample("z", "a", null, Map.of("b", 2, "a", 1), List.of())),
                StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                {
                  "alpha": "a",
                  "empty": [],
                  "map": {
                    "a": 1,
                    "b": 2
                  },
                  "zeta": "z"
                }
                """);
    }

    @Test
    void thresholdsKeepTheNullBaseAndWriteDecimalsExactly() {
        Thresholds thresholds = Thresholds.base("green")
                .then(new BigDecimal("6.00"), "orange")
                .then(new BigDecimal("14.4"), "red")
                .then(new BigDecimal("1E+2"), "purple");

        String json = new String(DashboardJson.json(thresholds), StandardCharsets.UTF_8);

        assertThat(json.replaceAll("\\s+", "")).isEqualTo("{\"mode\":\"absolute\",\"steps\":["
                + "{\"color\":\"green\",\"value\":null},{\"color\":\"orange\",\"value\":6},"
                + "{\"color\":\"red\",\"value\":14.4},{\"color\":\"purple\",\"value\":100}]}");
    }

    @Test
    void yamlIsUnquotedWithoutADocumentMarker() {
        String yaml = new String(DashboardJson.yaml(new Sample("z", "a", null, Map.of("k", 1), List.of())),
                StandardCharsets.UTF_8);

        assertThat(yaml).startsWith("alpha: a\n").contains("zeta: z\n").doesNotContain("---").doesNotContain("absent");
    }
}
