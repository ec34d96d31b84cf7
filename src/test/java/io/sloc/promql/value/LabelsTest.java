package io.sloc.promql.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void sortsByNameAndDropsEmptyValues() {
        Labels l = Labels.of("z", "1", "__name__", "m", "a", "2", "e", "");
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.name(0)).isEqualTo("__name__");
        assertThat(l.name(1)).isEqualTo("a");
        assertThat(l.get("e")).isEmpty();
        assertThat(l.has("e")).isFalse();
    }

    @Test
    void comparesLikePrometheusLabelsCompare() {
        List<Labels> list = new ArrayList<>(List.of(
                Labels.of("__name__", "b"),
                Labels.of("__name__", "a", "x", "1"),
                Labels.of("__name__", "a"),
                Labels.of("a", "z")));
        list.sort(null);
        // "__name__" < "a" bytewise; a shorter prefix sorts first
        assertThat(list).containsExactly(Labels.of("__name__", "a"), Labels.of("__name__", "a", "x", "1"),
                Labels.of("__name__", "b"), Labels.of("a", "z"));
    }

    @Test
    void stringComparisonIsByCodePointLikeGoBytes() {
        String supplementary = new String(Character.toChars(0x1F600));
        assertThat(Labels.compareStrings("\uE000", supplementary)).isNegative();
        assertThat("\uE000".compareTo(supplementary)).isPositive(); // what Java alone would say
    }

    @Test
    void printsPrometheusForm() {
        Labels l = Labels.of("__name__", "up", "job", "a\"b\n", "b", "ü");
        assertThat(l.toString()).isEqualTo("{__name__=\"up\", b=\"ü\", job=\"a\\\"b\\n\"}");
        assertThat(l.toMetricString()).isEqualTo("up{b=\"ü\", job=\"a\\\"b\\n\"}");
        assertThat(Labels.EMPTY.toString()).isEqualTo("{}");
    }

    @Test
    void builderRemovesOnEmptyValue() {
        Labels l = Labels.of("a", "1", "b", "2").toBuilder().set("a", "").set("c", "3").build();
        assertThat(l).isEqualTo(Labels.of("b", "2", "c", "3"));
        assertThat(l.hashCode()).isEqualTo(Labels.of("c", "3", "b", "2").hashCode());
    }
}
