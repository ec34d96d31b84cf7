package io.sloc.promql.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Span;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Heap bytes per stored native-histogram sample against the bytes its data needs: 8 per bucket count plus count, sum
 * and zero count (timestamp, layout and bookkeeping are the overhead). Issue 17 allows at most twice that.
 */
class StoredHistogramsMemoryTest {
    private static final int SAMPLES = 10_000;

    /** A counter histogram growing by one observation per bucket and sample, on one stable layout. */
    private static double bytesPerSample(int buckets) {
        StoredSeries series = new StoredSeries(Labels.of("__name__", "h"));
        series.reserve(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            double[] counts = new double[buckets];
            Arrays.fill(counts, i + 1);
            series.append(i * 15_000L, FloatHistogram.builder().schema(3).count((i + 1.0) * buckets).sum(i)
                    .zeroThreshold(1e-128).positive(new Span[] {new Span(-2, buckets)}, counts).build());
        }
        return (double) HeapSize.of(series) / SAMPLES;
    }

    private static double neededBytes(int buckets) {
        return 8.0 * (buckets + 3);
    }

    @Test
    void aSampleTakesLessThanTwiceTheBytesOfItsCounts() {
        for (int buckets : new int[] {4, 8, 20}) {
            double ratio = bytesPerSample(buckets) / neededBytes(buckets);
            System.out.printf("native histogram, %d buckets: %.1f bytes per sample, %.2fx the %.0f its counts need%n",
                    buckets, bytesPerSample(buckets), ratio, neededBytes(buckets));
            assertThat(ratio).as("%d buckets", buckets).isLessThan(2.0);
        }
    }
}
