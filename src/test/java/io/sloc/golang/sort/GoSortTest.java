package io.sloc.golang.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GoSortTest {
    private static final GoSort.Less<Double> LESS = (a, b) -> a < b;
    /** Prometheus's vectorByValueHeap order: NaN before everything. */
    private static final GoSort.Less<Double> NAN_FIRST = (a, b) -> Double.isNaN(a) || a < b;

    @Property(tries = 200)
    void sortsLikeAStableSort(@ForAll @Size(max = 40) List<Integer> ints) {
        List<Double> data = new ArrayList<>();
        ints.forEach(i -> data.add((double) (i % 7)));
        List<Double> expected = new ArrayList<>(data);
        expected.sort(null);
        GoSort.sort(data, LESS);
        assertThat(data).isEqualTo(expected);
    }

    @Test
    void toleratesTheInconsistentNaNOrderOnLargeInputs() {
        List<Double> data = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            data.add(i % 5 == 0 ? Double.NaN : 50.0 - i);
        }
        GoSort.sort(data, NAN_FIRST);
        assertThat(data.subList(0, 10)).allMatch(d -> d.isNaN());
        assertThat(data.subList(10, 50)).isSorted();
    }

    @Property(tries = 200)
    void heapKeepsTheSmallestOnTop(@ForAll @Size(min = 1, max = 30) List<Integer> ints) {
        List<Double> heap = new ArrayList<>();
        ints.forEach(i -> GoSort.heapPush(heap, (double) i, LESS));
        double min = ints.stream().mapToDouble(Integer::doubleValue).min().orElseThrow();
        assertThat(heap.get(0)).isEqualTo(min);
        assertThat(GoSort.heapPop(heap, LESS)).isEqualTo(min);
        assertThat(heap).hasSize(ints.size() - 1);
    }
}
