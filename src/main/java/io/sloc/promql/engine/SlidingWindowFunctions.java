package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.storage.SlidingWindow;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StoredSeries;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Range functions over a plain matrix selector, evaluated on the stored series' {@link SlidingWindow}s instead of on
 * a copy of each window: rule tests evaluate the same selectors at consecutive steps, so the window bounds and the
 * counts of stale markers and counter resets advance with the steps. Every result is bit-identical to
 * {@link RangeFunctions}'s direct evaluation of the same points: the O(1) forms are used only where they perform the
 * same floating-point operations (rate/increase without resets in the window: last - first; sums whose window kept
 * its left edge: the same Kahan additions continued; min/max from a monotonic deque that keeps the first of equal
 * values), otherwise the window's points are evaluated in place.
 */
final class SlidingWindowFunctions {
    enum Kind {
        RATE, INCREASE, DELTA, SUM_OVER_TIME, AVG_OVER_TIME, COUNT_OVER_TIME, MIN_OVER_TIME, MAX_OVER_TIME,
        PRESENT_OVER_TIME;

        /** The kind implementing a function name, or null when the function has no sliding-window form. */
        static Kind of(String function) {
            switch (function) {
                case "rate":
                    return RATE;
                case "increase":
                    return INCREASE;
                case "delta":
                    return DELTA;
                case "sum_over_time":
                    return SUM_OVER_TIME;
                case "avg_over_time":
                    return AVG_OVER_TIME;
                case "count_over_time":
                    return COUNT_OVER_TIME;
                case "min_over_time":
                    return MIN_OVER_TIME;
                case "max_over_time":
                    return MAX_OVER_TIME;
                case "present_over_time":
                    return PRESENT_OVER_TIME;
                default:
                    return null;
            }
        }

        /** Whether this sliding form computes what the profile's Prometheus computes. */
        boolean supports(PromqlProfile profile) {
            // Windows do not track start timestamps.
            return this != RATE && this != INCREASE || !profile.usesStartTimestamps();
        }
    }

    /**
     * What the functions keep between steps, as the window's attachment: running Kahan sums of a window whose left
     * edge has stayed put (the points in [sumFrom, sumTo] and [meanFrom, meanTo], continued when the right edge
     * grows) and the min/max deques.
     */
    private static final class WindowState {
        int sumFrom = -1;
        int sumTo;
        final GoMath.KahanSum sum = new GoMath.KahanSum();
        int meanFrom = -1;
        int meanTo;
        double meanCount;
        final GoMath.KahanSum mean = new GoMath.KahanSum();
        SlidingExtreme min;
        SlidingExtreme max;
    }

    private SlidingWindowFunctions() {
    }

    /**
     * The function applied to each selected series, as {@link RangeFunctions#apply} would (names dropped); null when
     * a selected series holds native histograms.
     */
    static Vector apply(Evaluator ev, MatrixSelector m, long t, Kind kind) {
        long end = ev.windowEnd(m, t);
        long start = end - m.rangeMs();
        long first = ev.profile().rangeWindowFirstTimestamp(end, m.rangeMs());
        List<StoredSeries> selected = ev.select(m.selector());
        for (int k = 0; k < selected.size(); k++) { // no iterators: every selector at every step
            if (selected.get(k).hasHistograms()) {
                return null;
            }
        }
        List<Sample> out = new ArrayList<>(selected.size());
        double[] result = new double[1];
        for (int k = 0; k < selected.size(); k++) {
            StoredSeries s = selected.get(k);
            SlidingWindow w = s.window(m.rangeMs());
            w.moveTo(first, end);
            int points = w.pointCount();
            if (points == 0) {
                continue;
            }
            // Prometheus holds one series' window at a time, plus the outputs so far; a series' output joins them
            // before its window goes.
            ev.addSamples(points);
            if (compute(kind, w, start, end, m.rangeMs(), ev.profile(), result)) {
                ev.addSamples(1);
                out.add(ev.nameDropped(s, t, result[0]));
                if (kind == Kind.RATE || kind == Kind.INCREASE) {
                    RangeFunctions.infoIfNotCounter(ev, m, s.labels());
                }
            }
            ev.releaseSamples(points);
        }
        // Stored label sets are unique, so with one metric name dropping it cannot make two equal: skip the check.
        return selectsOneMetricName(m) ? Vector.handedOver(out) : ev.checkedVector(out);
    }

    private static boolean selectsOneMetricName(MatrixSelector m) {
        List<LabelMatcher> matchers = m.selector().matchers();
        for (int i = 0; i < matchers.size(); i++) {
            LabelMatcher matcher = matchers.get(i);
            if (matcher.type() == LabelMatcher.Type.EQUAL && matcher.name().equals(Labels.METRIC_NAME)
                    && !matcher.value().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Evaluates the function over the window's points (which must not be empty) into {@code out[0]}; false for no
     * output. The window must be positioned on {@code (start, end]} or {@code [start, end]} as the profile says.
     */
    static boolean compute(Kind kind, SlidingWindow w, long rangeStartMs, long rangeEndMs, long rangeMs,
            PromqlProfile profile, double[] out) {
        boolean capFirst = profile.capsExtrapolationBeforeZeroCutoff();
        switch (kind) {
            case RATE:
                return extrapolatedRate(w, rangeStartMs, rangeEndMs, rangeMs, true, true, capFirst, out);
            case INCREASE:
                return extrapolatedRate(w, rangeStartMs, rangeEndMs, rangeMs, true, false, capFirst, out);
            case DELTA:
                return extrapolatedRate(w, rangeStartMs, rangeEndMs, rangeMs, false, false, capFirst, out);
            case SUM_OVER_TIME:
                out[0] = sum(w);
                return true;
            case AVG_OVER_TIME:
                out[0] = profile.averagesOverTimeBySumFirst() ? meanOfSum(w) : mean(w);
                return true;
            case COUNT_OVER_TIME:
                out[0] = w.pointCount();
                return true;
            case MIN_OVER_TIME:
                out[0] = extreme(w, false);
                return true;
            case MAX_OVER_TIME:
                out[0] = extreme(w, true);
                return true;
            case PRESENT_OVER_TIME:
                out[0] = 1;
                return true;
            default:
                throw new IllegalStateException("unhandled " + kind);
        }
    }

    private static boolean extrapolatedRate(SlidingWindow w, long rangeStartMs, long rangeEndMs, long rangeMs,
            boolean isCounter, boolean isRate, boolean capBeforeZeroCutoff, double[] out) {
        int n = w.pointCount();
        if (n < 2) {
            return false;
        }
        StoredSeries s = w.series();
        int firstIndex;
        int lastIndex;
        double result;
        if (w.staleCount() == 0 && (!isCounter || w.resetCount() == 0)) {
            firstIndex = w.from();
            lastIndex = w.to();
            result = s.value(lastIndex) - s.value(firstIndex);
        } else {
            // The direct loop of RangeFunctions.extrapolatedRate over the points, skipping stale markers in place.
            firstIndex = nextPoint(s, w.from());
            lastIndex = previousPoint(s, w.to());
            double first = s.value(firstIndex);
            result = s.value(lastIndex) - first;
            if (isCounter) {
                double prev = first;
                for (int i = firstIndex + 1; i <= lastIndex; i++) {
                    double cur = s.value(i);
                    if (StaleMarker.is(cur)) {
                        continue;
                    }
                    if (cur < prev) {
                        result += prev;
                    }
                    prev = cur;
                }
            }
        }
        out[0] = RangeFunctions.extrapolate(result, s.value(firstIndex), s.timestamp(firstIndex),
                s.timestamp(lastIndex), n, 0, rangeStartMs, rangeEndMs, rangeMs, isCounter, isRate,
                capBeforeZeroCutoff);
        return true;
    }

    private static int nextPoint(StoredSeries s, int i) {
        while (StaleMarker.is(s.value(i))) {
            i++;
        }
        return i;
    }

    private static int previousPoint(StoredSeries s, int i) {
        while (StaleMarker.is(s.value(i))) {
            i--;
        }
        return i;
    }

    private static WindowState state(SlidingWindow w) {
        if (w.attachment() instanceof WindowState r) {
            return r;
        }
        WindowState r = new WindowState();
        w.attach(r);
        return r;
    }

    private static double extreme(SlidingWindow w, boolean max) {
        WindowState r = state(w);
        if (max) {
            r.max = r.max == null ? new SlidingExtreme(true) : r.max;
            return r.max.value(w);
        }
        r.min = r.min == null ? new SlidingExtreme(false) : r.min;
        return r.min.value(w);
    }

    /** RangeFunctions.sumOverTime, continuing the previous step's additions while the left edge stays put. */
    private static double sum(SlidingWindow w) {
        return runningSum(w).value();
    }

    /**
     * RangeFunctions.avgOverTimeBySumFirst: the running sum divided by the count while the sum stays finite; once it
     * does not, Prometheus switched to an incremental mean at the overflow, so the window's points are averaged
     * directly.
     */
    private static double meanOfSum(SlidingWindow w) {
        GoMath.KahanSum sum = runningSum(w);
        double count = w.pointCount();
        if (Double.isFinite(sum.sum)) {
            return sum.sum / count + sum.c / count;
        }
        StoredSeries s = w.series();
        long[] ts = new long[w.pointCount()];
        double[] vs = new double[w.pointCount()];
        int n = 0;
        for (int i = w.from(); i <= w.to(); i++) {
            if (!StaleMarker.is(s.value(i))) {
                ts[n] = s.timestamp(i);
                vs[n++] = s.value(i);
            }
        }
        return RangeFunctions.avgOverTimeBySumFirst(new Series(s.labels(), ts, vs, n));
    }

    /** The Kahan sum of the window's points, continuing the previous step's additions while the left edge stays. */
    private static GoMath.KahanSum runningSum(SlidingWindow w) {
        WindowState r = state(w);
        if (r.sumFrom != w.from() || r.sumTo > w.to()) {
            r.sumFrom = w.from();
            r.sumTo = w.from() - 1;
            r.sum.sum = 0;
            r.sum.c = 0;
        }
        StoredSeries s = w.series();
        for (int i = r.sumTo + 1; i <= w.to(); i++) {
            double v = s.value(i);
            if (!StaleMarker.is(v)) {
                r.sum.add(v);
            }
        }
        r.sumTo = w.to();
        return r.sum;
    }

    /** RangeFunctions.avgOverTime, continued the same way. */
    private static double mean(SlidingWindow w) {
        WindowState r = state(w);
        if (r.meanFrom != w.from() || r.meanTo > w.to()) {
            r.meanFrom = w.from();
            r.meanTo = w.from() - 1;
            r.meanCount = 0;
            r.mean.sum = 0;
            r.mean.c = 0;
        }
        StoredSeries s = w.series();
        for (int i = r.meanTo + 1; i <= w.to(); i++) {
            double v = s.value(i);
            if (!StaleMarker.is(v)) {
                r.meanCount++;
                RangeFunctions.addToMean(r.mean, r.meanCount, v);
            }
        }
        r.meanTo = w.to();
        return r.mean.value();
    }
}
