package io.sloc.promql.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.value.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {
    private final MemoryStorage storage = new MemoryStorage();

    @Test
    void sameTimestampSameValueIsIgnoredDifferentValueRejected() {
        Labels l = Labels.of("__name__", "m");
        storage.append(l, 1000, 1);
        storage.append(l, 1000, 1);
        assertThat(storage.select(List.of(eq("__name__", "m"))).get(0).size()).isEqualTo(1);
        assertThatThrownBy(() -> storage.append(l, 1000, 2)).hasMessage("duplicate sample for timestamp");
        assertThatThrownBy(() -> storage.append(l, 999, 2)).hasMessage("out of order sample");
    }

    @Test
    void staleMarkerKeepsItsBitsAndDiffersFromPlainNaN() {
        Labels l = Labels.of("__name__", "m");
        storage.append(l, 0, Double.NaN);
        storage.append(l, 10, StaleMarker.VALUE);
        StoredSeries s = storage.select(List.of(eq("__name__", "m"))).get(0);
        assertThat(StaleMarker.is(s.value(0))).isFalse();
        assertThat(StaleMarker.is(s.value(1))).isTrue();
        assertThatThrownBy(() -> storage.append(l, 10, Double.NaN)).hasMessage("duplicate sample for timestamp");
    }

    @Test
    void selectsInLabelOrderWithMissingLabelsMatchingEmpty() {
        storage.append(Labels.of("__name__", "m", "b", "2"), 0, 1);
        storage.append(Labels.of("__name__", "m", "a", "1"), 0, 1);
        storage.append(Labels.of("__name__", "m"), 0, 1);
        storage.append(Labels.of("__name__", "n"), 0, 1);
        List<StoredSeries> all = storage.select(List.of(eq("__name__", "m")));
        assertThat(all).extracting(StoredSeries::labels).containsExactly(Labels.of("__name__", "m"),
                Labels.of("__name__", "m", "a", "1"), Labels.of("__name__", "m", "b", "2"));
        assertThat(storage.select(List.of(eq("__name__", "m"), eq("a", "")))).hasSize(2);
        assertThat(storage.select(List.of(new LabelMatcher(LabelMatcher.Type.REGEX, "__name__", "m|n"))))
                .hasSize(4);
    }

    @Test
    void windowBoundsByBinarySearch() {
        Labels l = Labels.of("__name__", "m");
        for (int i = 0; i < 100; i++) {
            storage.append(l, i * 10L, i);
        }
        StoredSeries s = storage.select(List.of(eq("__name__", "m"))).get(0);
        assertThat(s.firstIndexAtOrAfter(55)).isEqualTo(6);
        assertThat(s.firstIndexAtOrAfter(60)).isEqualTo(6);
        assertThat(s.lastIndexAtOrBefore(60)).isEqualTo(6);
        assertThat(s.lastIndexAtOrBefore(59)).isEqualTo(5);
        assertThat(s.lastIndexAtOrBefore(-1)).isEqualTo(-1);
        assertThat(s.firstIndexAtOrAfter(10_000)).isEqualTo(100);
    }

    @Test
    void clearDropsEverything() {
        storage.append(Labels.of("__name__", "m"), 0, 1);
        storage.clear();
        assertThat(storage.seriesCount()).isZero();
        assertThat(storage.select(List.of(eq("__name__", "m")))).isEmpty();
    }

    private static LabelMatcher eq(String n, String v) {
        return new LabelMatcher(LabelMatcher.Type.EQUAL, n, v);
    }
}
