package io.sloc.promql.engine;

import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.value.Series;
import java.util.Arrays;
import java.util.List;

/**
 * Prometheus 3's anchored and smoothed selectors (promql-extended-range-selectors). Their windows also hold the
 * samples up to one lookback delta before the range (and after it, when smoothed); these functions turn such a
 * window into values at the range's edges: the last sample at or before the start (anchored), or a linear
 * interpolation across each edge (smoothed).
 */
final class ExtendedRanges {
    private static final List<String> ANCHORED_FUNCTIONS = List.of("changes", "delta", "increase", "rate", "resets");
    private static final List<String> SMOOTHED_FUNCTIONS = List.of("delta", "increase", "rate");

    private ExtendedRanges() {
    }

    /** Prometheus rejects the functions that would misread the samples outside the range. */
    static void checkFunction(Call call) {
        List<Expr> args = call.args();
        for (int i = 0; i < args.size(); i++) { // no iterator: every call at every step
            Expr arg = args.get(i);
            while (arg instanceof ParenExpr p) {
                arg = p.expr();
            }
            if (!(arg instanceof MatrixSelector m)) {
                continue;
            }
            RangeExtension extension = m.selector().extension();
            List<String> allowed = extension == RangeExtension.ANCHORED ? ANCHORED_FUNCTIONS
                    : extension == RangeExtension.SMOOTHED ? SMOOTHED_FUNCTIONS : null;
            String name = call.function().name();
            if (allowed != null && !allowed.contains(name)) {
                throw new PromqlEvalException(extension.keyword() + " modifier can only be used with: "
                        + String.join(", ", allowed) + " - not with " + name);
            }
        }
    }

    /** Functions.go's extendedRate: rate, increase and delta from the values at the range's edges. */
    static boolean rate(Series s, RangeArgument r, boolean isCounter, boolean isRate, double[] out) {
        boolean smoothed = r.extension() == RangeExtension.SMOOTHED;
        long rangeStart = r.rangeStartMs();
        long rangeEnd = r.rangeEndMs();
        int last = s.size() - 1;
        int first = Math.max(0, firstAfter(s, last, rangeStart) - 1);
        if (smoothed) {
            last = firstAtOrAfter(s, last, rangeEnd);
        }
        if (s.timestamp(last) <= rangeStart || smoothed && s.timestamp(first) > rangeEnd) {
            return false;
        }
        double left = left(s, first, rangeStart, smoothed, isCounter);
        double right = right(s, last, rangeEnd, smoothed, isCounter);
        double result = right - left;
        if (isCounter) {
            // The edge values already account for resets across the edges.
            int from = s.timestamp(first) <= rangeStart ? first + 1 : first;
            int to = s.timestamp(last) >= rangeEnd ? last - 1 : last;
            double prev = left;
            for (int i = from; i <= to; i++) {
                if (s.value(i) < prev) {
                    result += prev;
                }
                prev = s.value(i);
            }
            if (right < prev) {
                result += prev;
            }
        }
        out[0] = isRate ? result / RangeFunctions.durationSeconds(r.rangeMs()) : result;
        return true;
    }

    /**
     * Functions.go's pickFirstSampleIndices for changes and resets: an anchored window starts at its last sample at
     * or before the range start; -1 when no sample lies after the start.
     */
    static int firstIndex(Series s, RangeArgument r) {
        if (r.extension() != RangeExtension.ANCHORED) {
            return 0;
        }
        int after = firstAfter(s, s.size(), r.rangeStartMs());
        if (after >= s.size()) {
            return -1;
        }
        return Math.max(0, after - 1);
    }

    /** Engine.go's extendFloats: a top-level anchored or smoothed range with points at both edges. */
    static Series extend(Series s, long rangeStart, long rangeEnd, boolean smoothed) {
        int last = s.size() - 1;
        int first = Math.max(0, firstAfter(s, last, rangeStart) - 1);
        if (smoothed) {
            last = firstAtOrAfter(s, last, rangeEnd);
        }
        if (s.timestamp(last) <= rangeStart) {
            return null;
        }
        double left = left(s, first, rangeStart, smoothed, false);
        double right = right(s, last, rangeEnd, smoothed, false);
        int from = s.timestamp(first) <= rangeStart ? first + 1 : first;
        int to = s.timestamp(last) >= rangeEnd ? last - 1 : last;
        int inner = Math.max(to - from + 1, 0);
        long[] ts = new long[inner + 2];
        double[] vals = new double[inner + 2];
        ts[0] = rangeStart;
        vals[0] = left;
        System.arraycopy(s.timestamps(), from, ts, 1, inner);
        System.arraycopy(s.values(), from, vals, 1, inner);
        ts[inner + 1] = rangeEnd;
        vals[inner + 1] = right;
        return new Series(s.metric(), ts, vals, ts.length);
    }

    /**
     * Engine.go's smoothSeries at one time, into {@code out[0]}: the sample at {@code ref}, else the interpolation
     * between its neighbours, else the last earlier sample. False when no sample is at or before {@code ref}.
     */
    static boolean smoothedValue(Series window, long ref, double[] out) {
        int i = firstAtOrAfter(window, window.size(), ref);
        if (i < window.size() && window.timestamp(i) == ref) {
            out[0] = window.value(i);
        } else if (i == 0) {
            return false;
        } else if (i < window.size()) {
            out[0] = interpolate(window.timestamp(i - 1), window.value(i - 1), window.timestamp(i), window.value(i),
                    ref, false);
        } else {
            out[0] = window.value(i - 1);
        }
        return true;
    }

    private static double left(Series s, int first, long rangeStart, boolean smoothed, boolean isCounter) {
        if (smoothed && s.timestamp(first) < rangeStart) {
            return interpolate(s.timestamp(first), s.value(first), s.timestamp(first + 1), s.value(first + 1),
                    rangeStart, isCounter);
        }
        return s.value(first);
    }

    private static double right(Series s, int last, long rangeEnd, boolean smoothed, boolean isCounter) {
        if (smoothed && last > 0 && s.timestamp(last) > rangeEnd) {
            return interpolate(s.timestamp(last - 1), s.value(last - 1), s.timestamp(last), s.value(last), rangeEnd,
                    isCounter);
        }
        return s.value(last);
    }

    /** A counter that went down restarts from 0. */
    private static double interpolate(long t1, double y1, long t2, double y2, long t, boolean isCounter) {
        double from = isCounter && y2 < y1 ? 0 : y1;
        return from + (y2 - from) * (double) (t - t1) / (double) (t2 - t1);
    }

    /** Go's sort.Search over [0, n): the first index whose timestamp is after {@code t}, else n. */
    static int firstAfter(Series s, int n, long t) {
        int i = Arrays.binarySearch(s.timestamps(), 0, n, t);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Go's sort.Search over [0, n): the first index whose timestamp is at or after {@code t}, else n. */
    static int firstAtOrAfter(Series s, int n, long t) {
        int i = Arrays.binarySearch(s.timestamps(), 0, n, t);
        return i >= 0 ? i : -i - 1;
    }
}
