package io.sloc.promql.engine;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.HistogramException;
import io.sloc.promql.value.HistogramKahanSum;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Series;

/**
 * Range functions over a series whose window holds native histograms (Prometheus 3): the rate family and sums over
 * histograms, resets and changes across both kinds of points, the functions that take any point (count, first,
 * last, ...), and the float-only ones, which read the float points and say when they ignored histograms.
 */
final class HistogramRangeFunctions {
    /** A range function's result for one series: a float, or a histogram when {@code histogram} is not null. */
    record Point(double value, FloatHistogram histogram) {
    }

    private HistogramRangeFunctions() {
    }

    /** The function's result over {@code s} (which has histograms), or null for no output. */
    static Point compute(Evaluator ev, Call c, Series s, RangeArgument r, double[] params, long t,
            RangeFunctions.Kernel floatKernel) {
        Expr arg = c.args().get(0);
        String name = c.function().name();
        if (ev.unwrapParens(arg) instanceof SubqueryExpr) {
            s = withUnknownResetHints(s);
        }
        switch (name) {
            case "rate", "increase", "delta" -> {
                if (mixed(s)) {
                    return mixedWarning(ev, arg, s);
                }
                if (r.extension() != RangeExtension.NONE) {
                    return histogramPoint(extendedRate(ev, arg, s, r, !name.equals("delta"), name.equals("rate")));
                }
                return histogramPoint(rate(ev, arg, s, r, !name.equals("delta"), name.equals("rate")));
            }
            case "irate", "idelta" -> {
                return instantValue(ev, arg, s, name.equals("irate"));
            }
            case "sum_over_time", "avg_over_time" -> {
                if (mixed(s)) {
                    return mixedWarning(ev, arg, s);
                }
                return histogramPoint(sumOverTime(ev, arg, s, name.equals("avg_over_time")));
            }
            case "resets", "changes" -> {
                int first = ExtendedRanges.firstIndex(s, r);
                return first < 0 ? null : new Point(countTransitions(s, first, name.equals("changes")), null);
            }
            case "last_over_time", "first_over_time" -> {
                int i = name.equals("last_over_time") ? s.size() - 1 : 0;
                return new Point(s.value(i), s.histogram(i));
            }
            case "count_over_time", "present_over_time", "ts_of_first_over_time", "ts_of_last_over_time" -> {
                double[] out = new double[1];
                return floatKernel.compute(s, r, params, t, out) ? new Point(out[0], null) : null;
            }
            default -> {
                return overFloats(ev, c, s, r, params, t, floatKernel);
            }
        }
    }

    /**
     * A subquery's histograms with their counter-reset hints (reset or not) made unknown: its steps may skip or
     * repeat the stored samples the hints were about, so resets are detected from the counts instead.
     */
    private static Series withUnknownResetHints(Series s) {
        FloatHistogram[] hs = new FloatHistogram[s.size()];
        for (int i = 0; i < s.size(); i++) {
            FloatHistogram h = s.histogram(i);
            hs[i] = h == null || h.counterResetHint() == CounterResetHint.GAUGE ? h
                    : h.withCounterResetHint(CounterResetHint.UNKNOWN);
        }
        return new Series(s.metric(), s.timestamps(), s.values(), s.size(), s.dropName(), s.startTimestamps(), hs);
    }

    /** A float-only function over the float points; an info when histograms were ignored beside floats. */
    private static Point overFloats(Evaluator ev, Call c, Series s, RangeArgument r, double[] params, long t,
            RangeFunctions.Kernel floatKernel) {
        Series floats = floatPoints(s);
        if (floats.size() == 0) {
            return null;
        }
        if (floats.size() < s.size()) {
            ev.annotations().info(c.args().get(0).pos(), "ignored histograms in a range containing both floats and "
                    + "histograms for metric name " + GoQuote.quote(metricName(s)));
        }
        double[] out = new double[1];
        return floatKernel.compute(floats, r, params, t, out) ? new Point(out[0], null) : null;
    }

    static Series floatPoints(Series s) {
        long[] ts = new long[s.size()];
        double[] vs = new double[s.size()];
        long[] sts = s.startTimestamps() == null ? null : new long[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.histogram(i) == null) {
                ts[n] = s.timestamp(i);
                vs[n] = s.value(i);
                if (sts != null) {
                    sts[n] = s.startTimestamp(i);
                }
                n++;
            }
        }
        return new Series(s.metric(), ts, vs, n, s.dropName(), sts);
    }

    /** Whether a point of the series' window is a histogram (its histograms array may hold only nulls). */
    static boolean holdsHistograms(Series s) {
        for (int i = 0; s.hasHistograms() && i < s.size(); i++) {
            if (s.histogram(i) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean mixed(Series s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.histogram(i) == null) {
                return true;
            }
        }
        return false;
    }

    private static Point histogramPoint(FloatHistogram h) {
        return h == null ? null : new Point(0, h);
    }

    private static Point mixedWarning(Evaluator ev, Expr arg, Series s) {
        if (mixed(s) && s.size() > 0) {
            ev.annotations().warn(arg.pos(), "encountered a mix of histograms and floats for metric name "
                    + GoQuote.quote(metricName(s)));
        }
        return null;
    }

    private static String metricName(Series s) {
        return s.metric().get(Labels.METRIC_NAME);
    }

    /** Prometheus's histogramRate and the extrapolation of extrapolatedRate, for a window of histograms only. */
    private static FloatHistogram rate(Evaluator ev, Expr arg, Series s, RangeArgument r, boolean isCounter,
            boolean isRate) {
        if (isCounter) {
            RangeFunctions.warnAboutStartTimeOverlap(ev, arg, s);
        }
        long zeroPointMs = isCounter ? RangeFunctions.counterZeroPoint(s, r.rangeStartMs()) : 0;
        FloatHistogram result = s.size() > 1 ? histogramRate(ev, arg, s, isCounter) : null;
        if (result == null && (s.size() > 1 || zeroPointMs == 0)) {
            return null;
        }
        if (zeroPointMs != 0) { // the counter was 0 at its start time: the whole first histogram was gained
            try {
                result = result == null ? s.histogram(0) : addWithInfo(ev, arg, result, s.histogram(0));
            } catch (HistogramException e) {
                return mixedSchemas(ev, arg, metricName(s));
            }
        }
        return result.mul(extrapolationFactor(s, r, result, zeroPointMs, isCounter, isRate));
    }

    private static FloatHistogram addWithInfo(Evaluator ev, Expr arg, FloatHistogram a, FloatHistogram b) {
        FloatHistogram.Combined sum = a.add(b);
        infoIfReconciled(ev, arg, sum, "addition");
        return sum.histogram();
    }

    /** Prometheus's histogramRate: last minus first at the lowest schema, plus the histograms before resets. */
    private static FloatHistogram histogramRate(Evaluator ev, Expr arg, Series s, boolean isCounter) {
        int n = s.size();
        FloatHistogram first = s.histogram(0);
        FloatHistogram last = s.histogram(n - 1);
        String metric = metricName(s);
        if (isCounter && (first.counterResetHint() == CounterResetHint.GAUGE
                || last.counterResetHint() == CounterResetHint.GAUGE)) {
            notCounterWarning(ev, arg, metric);
        }
        FloatHistogram prev = first;
        if (isCounter && (s.histogram(1).detectReset(prev) || RangeFunctions.startTimestampReset(s, 1))) {
            prev = FloatHistogram.builder().schema(s.histogram(1).schema())
                    .customValues(s.histogram(1).customValues()).build();
        }
        boolean customBuckets = prev.usesCustomBuckets();
        if (last.usesCustomBuckets() != customBuckets) {
            return mixedSchemas(ev, arg, metric);
        }
        int minSchema = Math.min(last.schema(), prev.schema());
        for (int i = 1; i < n - 1 && isCounter; i++) {
            FloatHistogram h = s.histogram(i);
            if (h.counterResetHint() == CounterResetHint.GAUGE) {
                notCounterWarning(ev, arg, metric);
            }
            minSchema = Math.min(minSchema, h.schema());
            if (h.usesCustomBuckets() != customBuckets) {
                return mixedSchemas(ev, arg, metric);
            }
        }
        FloatHistogram result;
        try {
            FloatHistogram.Combined diff = last.toSchema(minSchema).sub(prev);
            infoIfReconciled(ev, arg, diff, "subtraction");
            result = diff.histogram();
            if (isCounter) {
                FloatHistogram before = prev; // empty when the first point preceded a reset
                for (int i = 1; i < n; i++) {
                    FloatHistogram cur = s.histogram(i);
                    if (RangeFunctions.startTimestampReset(s, i) || cur.detectReset(before)) {
                        FloatHistogram.Combined sum = result.add(before);
                        infoIfReconciled(ev, arg, sum, "addition");
                        result = sum.histogram();
                    }
                    before = cur;
                }
            }
        } catch (HistogramException e) {
            return mixedSchemas(ev, arg, metric);
        }
        if (!isCounter && (first.counterResetHint() != CounterResetHint.GAUGE
                || last.counterResetHint() != CounterResetHint.GAUGE)) {
            ev.annotations().warn(arg.pos(), "this native histogram metric is not a gauge: " + GoQuote.quote(metric));
        }
        return result.withCounterResetHint(CounterResetHint.GAUGE).compact(0);
    }

    /**
     * Functions.go's extendedHistogramRate: anchored or smoothed rate, increase and delta from the histograms at
     * the range's edges (interpolated across them when smoothed), plus the values before resets in between.
     */
    private static FloatHistogram extendedRate(Evaluator ev, Expr arg, Series s, RangeArgument r, boolean isCounter,
            boolean isRate) {
        boolean smoothed = r.extension() == RangeExtension.SMOOTHED;
        long rangeStart = r.rangeStartMs();
        long rangeEnd = r.rangeEndMs();
        int last = s.size() - 1;
        int first = Math.max(0, ExtendedRanges.firstAfter(s, last, rangeStart) - 1);
        if (smoothed) {
            last = ExtendedRanges.firstAtOrAfter(s, last, rangeEnd);
        }
        if (s.timestamp(last) <= rangeStart || smoothed && s.timestamp(first) > rangeEnd) {
            return null;
        }
        String metric = metricName(s);
        boolean customBuckets = s.histogram(first).usesCustomBuckets();
        for (int i = first; i <= last; i++) {
            FloatHistogram h = s.histogram(i);
            if (h.usesCustomBuckets() != customBuckets) {
                return mixedSchemas(ev, arg, metric);
            }
            if (isCounter && h.counterResetHint() == CounterResetHint.GAUGE) {
                notCounterWarning(ev, arg, metric);
            }
        }
        try {
            FloatHistogram left = smoothed && s.timestamp(first) < rangeStart
                    ? interpolate(ev, arg, s, first, rangeStart, isCounter) : s.histogram(first);
            FloatHistogram right = smoothed && last > 0 && s.timestamp(last) > rangeEnd
                    ? interpolate(ev, arg, s, last - 1, rangeEnd, isCounter) : s.histogram(last);
            if (!isCounter && (left.counterResetHint() != CounterResetHint.GAUGE
                    || right.counterResetHint() != CounterResetHint.GAUGE)) {
                ev.annotations().warn(arg.pos(), "this native histogram metric is not a gauge: "
                        + GoQuote.quote(metric));
            }
            FloatHistogram.Combined diff = right.sub(left);
            infoIfReconciled(ev, arg, diff, "subtraction");
            FloatHistogram result = diff.histogram();
            if (isCounter) {
                FloatHistogram correction = resetCorrection(ev, arg, s, first, last, left, right, rangeStart,
                        smoothed);
                if (correction != null) {
                    FloatHistogram.Combined sum = result.add(correction);
                    infoIfReconciled(ev, arg, sum, "addition");
                    result = sum.histogram();
                }
            }
            if (isRate) {
                result = result.div(RangeFunctions.durationSeconds(r.rangeMs()));
            }
            return result.withCounterResetHint(CounterResetHint.GAUGE).compact(0);
        } catch (HistogramException e) {
            return mixedSchemas(ev, arg, metric);
        }
    }

    /**
     * A smoothed instant selector's histogram at ref from a window of histograms around it: the point at ref, an
     * interpolation between its neighbours (as a counter unless both are gauges), or the last one before ref with
     * an unknown reset hint; null when there is none (or the neighbours cannot be combined).
     */
    static FloatHistogram smoothedValue(Evaluator ev, Expr selector, Series w, long ref) {
        if (mixed(w)) {
            mixedWarning(ev, selector, w);
            return null;
        }
        int i = ExtendedRanges.firstAtOrAfter(w, w.size(), ref);
        if (i < w.size() && w.timestamp(i) == ref) {
            return w.histogram(i);
        }
        if (i == 0) {
            return null;
        }
        if (i == w.size()) {
            return w.histogram(i - 1).withCounterResetHint(CounterResetHint.UNKNOWN);
        }
        FloatHistogram prev = w.histogram(i - 1);
        FloatHistogram next = w.histogram(i);
        if (prev.usesCustomBuckets() != next.usesCustomBuckets()) {
            return mixedSchemas(ev, selector, metricName(w));
        }
        boolean isCounter = prev.counterResetHint() != CounterResetHint.GAUGE
                || next.counterResetHint() != CounterResetHint.GAUGE;
        try {
            return interpolate(ev, selector, w, i - 1, ref, isCounter);
        } catch (HistogramException e) {
            return mixedSchemas(ev, selector, metricName(w));
        }
    }

    /** The histogram at t between points i and i+1: linear, or from zero after a counter reset. */
    private static FloatHistogram interpolate(Evaluator ev, Expr arg, Series s, int i, long t, boolean isCounter) {
        long t1 = s.timestamp(i);
        long t2 = s.timestamp(i + 1);
        FloatHistogram h1 = s.histogram(i);
        FloatHistogram h2 = s.histogram(i + 1);
        if (t == t1) {
            return h1;
        }
        if (t == t2) {
            return h2;
        }
        double fraction = (double) (t - t1) / (double) (t2 - t1);
        if (isCounter && h2.detectReset(h1)) {
            return h2.mul(fraction);
        }
        FloatHistogram.Combined diff = h2.sub(h1);
        infoIfReconciled(ev, arg, diff, "subtraction");
        FloatHistogram.Combined sum = diff.histogram().mul(fraction).add(h1);
        infoIfReconciled(ev, arg, sum, "addition");
        return sum.histogram();
    }

    /** The sum of the histograms before each counter reset strictly inside the edges; null when there is none. */
    private static FloatHistogram resetCorrection(Evaluator ev, Expr arg, Series s, int firstIndex, int lastIndex,
            FloatHistogram left, FloatHistogram right, long rangeStart, boolean smoothed) {
        int from = firstIndex + 1;
        FloatHistogram prev = left;
        if (smoothed && s.timestamp(firstIndex) < rangeStart
                && s.histogram(firstIndex + 1).detectReset(s.histogram(firstIndex))) {
            prev = s.histogram(firstIndex + 1); // the left interpolation already spans this reset
            from++;
        }
        int to = lastIndex - 1;
        if (from > to + 1) {
            return null;
        }
        FloatHistogram correction = null;
        for (int i = from; i <= to + 1; i++) {
            FloatHistogram cur = i <= to ? s.histogram(i) : right;
            if (cur.detectReset(prev)) {
                if (correction == null) {
                    correction = prev;
                } else {
                    FloatHistogram.Combined sum = correction.add(prev);
                    infoIfReconciled(ev, arg, sum, "addition");
                    correction = sum.histogram();
                }
            }
            prev = cur;
        }
        return correction;
    }

    /**
     * extrapolatedRate's factor, with the counter's zero point estimated from the histograms' counts, or given by
     * the first point's start time when {@code zeroPointMs} is not 0.
     */
    private static double extrapolationFactor(Series s, RangeArgument r, FloatHistogram result, long zeroPointMs,
            boolean isCounter, boolean isRate) {
        int n = s.size();
        long firstT = s.timestamp(0);
        long lastT = s.timestamp(n - 1);
        double durationToStart = (firstT - r.rangeStartMs()) / 1000.0;
        double durationToEnd = (r.rangeEndMs() - lastT) / 1000.0;
        double sampledInterval = (lastT - firstT) / 1000.0;
        double averageDurationBetweenSamples = n > 1 ? sampledInterval / (n - 1) : 0;
        double threshold = averageDurationBetweenSamples * 1.1;
        if (zeroPointMs != 0) {
            durationToStart = 0;
            sampledInterval = (lastT - zeroPointMs) / 1000.0;
        } else {
            if (durationToStart >= threshold) {
                durationToStart = averageDurationBetweenSamples / 2;
            }
            if (isCounter && result.count() > 0 && s.histogram(0).count() >= 0) {
                double durationToZero = sampledInterval * (s.histogram(0).count() / result.count());
                if (durationToZero < durationToStart) {
                    durationToStart = durationToZero;
                }
            }
        }
        if (durationToEnd >= threshold) {
            durationToEnd = averageDurationBetweenSamples / 2;
        }
        double factor = sampledInterval == 0 ? 1 : (sampledInterval + durationToStart + durationToEnd)
                / sampledInterval;
        return isRate ? factor / RangeFunctions.durationSeconds(r.rangeMs()) : factor;
    }

    /** irate/idelta over the last two points, which must both be histograms. */
    private static Point instantValue(Evaluator ev, Expr arg, Series s, boolean isRate) {
        int n = s.size();
        if (n < 2) {
            return null;
        }
        FloatHistogram prev = s.histogram(n - 2);
        FloatHistogram last = s.histogram(n - 1);
        if (prev == null || last == null) {
            return mixedWarning(ev, arg, s);
        }
        long interval = s.timestamp(n - 1) - s.timestamp(n - 2);
        if (interval == 0) {
            return null;
        }
        String metric = metricName(s);
        boolean prevGauge = prev.counterResetHint() == CounterResetHint.GAUGE;
        boolean lastGauge = last.counterResetHint() == CounterResetHint.GAUGE;
        if (isRate && (prevGauge || lastGauge)) {
            notCounterWarning(ev, arg, metric);
        }
        if (!isRate && !(prevGauge && lastGauge)) {
            ev.annotations().warn(arg.pos(), "this native histogram metric is not a gauge: " + GoQuote.quote(metric));
        }
        FloatHistogram result = last;
        if (!isRate || !RangeFunctions.startTimestampReset(s, n - 1) && !last.detectReset(prev)) {
            try {
                FloatHistogram.Combined diff = last.sub(prev);
                infoIfReconciled(ev, arg, diff, "subtraction");
                result = diff.histogram();
            } catch (HistogramException e) {
                return histogramPoint(mixedSchemas(ev, arg, metric));
            }
        }
        result = result.withCounterResetHint(CounterResetHint.GAUGE).compact(0);
        return new Point(0, isRate ? result.div(interval / 1000.0) : result);
    }

    /**
     * sum_over_time, or avg_over_time (the Kahan sum divided by the count until the sum overflows, then the
     * incremental mean), of a window of histograms only.
     */
    private static FloatHistogram sumOverTime(Evaluator ev, Expr arg, Series s, boolean average) {
        FloatHistogram first = s.histogram(0);
        HistogramKahanSum sum = new HistogramKahanSum(first);
        boolean resetSeen = first.counterResetHint() == CounterResetHint.COUNTER_RESET;
        boolean notResetSeen = first.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET;
        boolean incremental = false;
        try {
            for (int i = 1; i < s.size(); i++) {
                FloatHistogram h = s.histogram(i);
                resetSeen |= h.counterResetHint() == CounterResetHint.COUNTER_RESET;
                notResetSeen |= h.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET;
                double count = i + 1;
                if (!average) {
                    sum.add(h);
                    continue;
                }
                if (!incremental) {
                    HistogramKahanSum next = sum.copy();
                    next.add(h);
                    if (!next.hasOverflow()) {
                        sum = next;
                        continue;
                    }
                    incremental = true;
                    sum.divide(count - 1);
                }
                sum.multiply((count - 1) / count);
                sum.add(h.div(count));
            }
        } catch (HistogramException e) {
            return mixedSchemas(ev, arg, metricName(s));
        } finally {
            if (resetSeen && notResetSeen) {
                ev.annotations().warn(arg.pos(), "conflicting counter resets during histogram aggregation");
            }
            if (sum.customBoundsReconciled()) {
                ev.annotations().info(arg.pos(), "mismatched custom buckets were reconciled during aggregation");
            }
        }
        return sum.value(average && !incremental ? s.size() : 1);
    }

    /** resets or changes over floats and histograms in time order; a switch between the kinds counts. */
    private static double countTransitions(Series s, int first, boolean changes) {
        int count = 0;
        for (int i = first + 1; i < s.size(); i++) {
            FloatHistogram prev = s.histogram(i - 1);
            FloatHistogram cur = s.histogram(i);
            boolean counted;
            if (prev == null && cur == null) {
                double p = s.value(i - 1);
                double v = s.value(i);
                counted = changes ? v != p && !(Double.isNaN(v) && Double.isNaN(p))
                        : v < p || RangeFunctions.startTimestampReset(s, i);
            } else if (prev == null || cur == null) {
                counted = true;
            } else {
                counted = changes ? !cur.equals(prev)
                        : RangeFunctions.startTimestampReset(s, i) || cur.detectReset(prev);
            }
            if (counted) {
                count++;
            }
        }
        return count;
    }

    private static void infoIfReconciled(Evaluator ev, Expr arg, FloatHistogram.Combined c, String operation) {
        if (c.customBoundsReconciled()) {
            ev.annotations().info(arg.pos(), "mismatched custom buckets were reconciled during " + operation);
        }
    }

    private static void notCounterWarning(Evaluator ev, Expr arg, String metric) {
        ev.annotations().warn(arg.pos(), "this native histogram metric is not a counter: " + GoQuote.quote(metric));
    }

    private static FloatHistogram mixedSchemas(Evaluator ev, Expr arg, String metric) {
        ev.annotations().warn(arg.pos(), "vector contains a mix of histograms with exponential and custom buckets "
                + "schemas for metric name " + GoQuote.quote(metric));
        return null;
    }
}
