package io.sloc.promql.engine;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;

/**
 * How many samples a value counts for the query sample limit. A float is one; a native histogram is one in 2.42 and
 * its estimated size in 16-byte samples in 3.x, which reckons it two ways: held as a point of a series
 * ({@code (bytes + 8) / 16}) and as a sample of a step's output vector ({@code 1 + bytes / 16}).
 */
final class SampleWeights {
    private static final int SAMPLE_BYTES = 16;
    private static final int TIMESTAMP_BYTES = 8;

    private final boolean bySize;

    SampleWeights(PromqlProfile profile) {
        this.bySize = profile.countsHistogramsBySize();
    }

    /** A histogram held as a point of a series (a range window, a selector's or a node's result). */
    long point(FloatHistogram h) {
        return bySize ? (h.sizeInBytes() + TIMESTAMP_BYTES) / SAMPLE_BYTES : 1;
    }

    /** The points of a series. */
    long series(Series s) {
        if (!bySize || !s.hasHistograms()) {
            return s.size();
        }
        long n = 0;
        for (int i = 0; i < s.size(); i++) {
            FloatHistogram h = s.histogram(i);
            n += h == null ? 1 : point(h);
        }
        return n;
    }

    /** A value as the node that computed it holds it. */
    long held(Value v) {
        if (v instanceof Vector vec) {
            long n = 0;
            for (Sample s : vec.samples()) {
                n += s.isHistogram() ? point(s.histogram()) : 1;
            }
            return n;
        }
        if (v instanceof Matrix m) {
            long n = 0;
            for (Series s : m.series()) {
                n += series(s);
            }
            return n;
        }
        return v instanceof Scalar ? 1 : 0;
    }

    /** A step's output vector while it is checked against the limit. */
    long stepOutput(Value v) {
        if (!bySize || !(v instanceof Vector vec)) {
            return held(v);
        }
        long n = 0;
        for (Sample s : vec.samples()) {
            n += s.isHistogram() ? 1 + s.histogram().sizeInBytes() / SAMPLE_BYTES : 1;
        }
        return n;
    }

    /** How many samples (floats or histograms, one each) a value has: what a node gathers of its inputs. */
    static long points(Value v) {
        if (v instanceof Vector vec) {
            return vec.size();
        }
        if (v instanceof Matrix m) {
            long n = 0;
            for (Series s : m.series()) {
                n += s.size();
            }
            return n;
        }
        return v instanceof Scalar ? 1 : 0;
    }
}
