package io.sloc.promql.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Span;
import org.junit.jupiter.api.Test;

class StoredHistogramsTest {
    private static FloatHistogram counter(double... buckets) {
        double count = 0;
        for (double b : buckets) {
            count += b;
        }
        return FloatHistogram.builder().count(count).sum(count).positive(new Span[] {new Span(0, buckets.length)},
                buckets).build();
    }

    @Test
    void histogramsAndFloatsShareASeries() {
        StoredSeries s = new StoredSeries(Labels.of("__name__", "h"));
        s.append(0, 1.5);
        s.append(60_000, counter(1, 2));
        s.append(120_000, StaleMarker.VALUE);

        assertThat(s.size()).isEqualTo(3);
        assertThat(s.histogram(0)).isNull();
        assertThat(s.value(0)).isEqualTo(1.5);
        assertThat(s.histogram(1)).isEqualTo(counter(1, 2));
        assertThat(s.histogram(2)).isNull();
    }

    @Test
    void aRepeatedHistogramIsIgnoredAndAnotherOneAtTheSameTimeRejected() {
        StoredSeries s = new StoredSeries(Labels.EMPTY);
        s.append(0, counter(1));
        s.append(0, counter(1));

        assertThat(s.size()).isEqualTo(1);
        assertThatThrownBy(() -> s.append(0, counter(2))).hasMessage("duplicate sample for timestamp");
        assertThatThrownBy(() -> s.append(0, 1.0)).hasMessage("duplicate sample for timestamp");
        assertThatThrownBy(() -> s.append(-1, counter(1))).hasMessage("out of order sample");
    }

    @Test
    void hintsReadBackAsTheTsdbChunksGiveThem() {
        StoredSeries s = new StoredSeries(Labels.EMPTY);
        s.append(0, counter(1).withCounterResetHint(CounterResetHint.COUNTER_RESET));
        s.append(1, counter(1, 1));
        s.append(2, counter(0, 5)); // a bucket went down: a new chunk
        s.append(3, counter(0, 6).withCounterResetHint(CounterResetHint.GAUGE));
        s.append(4, 7.0);
        s.append(5, counter(0, 7));
        s.append(ChunkHints.CHUNK_RANGE_MS, counter(0, 8)); // the next chunk range

        assertThat(s.histogram(0).counterResetHint()).isEqualTo(CounterResetHint.UNKNOWN);
        assertThat(s.histogram(1).counterResetHint()).isEqualTo(CounterResetHint.NOT_COUNTER_RESET);
        assertThat(s.histogram(2).counterResetHint()).isEqualTo(CounterResetHint.UNKNOWN);
        assertThat(s.histogram(3).counterResetHint()).isEqualTo(CounterResetHint.GAUGE);
        assertThat(s.histogram(5).counterResetHint()).isEqualTo(CounterResetHint.UNKNOWN);
        assertThat(s.histogram(6).counterResetHint()).isEqualTo(CounterResetHint.UNKNOWN);
    }
}
