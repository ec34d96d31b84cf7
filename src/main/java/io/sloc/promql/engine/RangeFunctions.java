package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Functions over range vectors (rate family, *_over_time, deriv, ...), one output sample per input series. */
final class RangeFunctions {
    private RangeFunctions() {
    }

    /**
     * Computes one series' result. Returns false for "no output" (e.g. rate over fewer than two points); otherwise
     * stores the value in {@code out[0]}. {@code params} are the function's scalar arguments in order.
     */
    @FunctionalInterface
    interface Kernel {
        boolean compute(Series s, RangeArgument r, double[] params, long t, double[] out);
    }

    static void register(Map<String, FunctionImpl> m) {
        range(m, "rate", (ev, c) -> rate(ev, c, true, true));
        range(m, "increase", (ev, c) -> rate(ev, c, true, false));
        range(m, "delta", (ev, c) -> rate(ev, c, false, false));
        range(m, "irate", (s, r, p, t, out) -> instantValue(s, true, out));
        range(m, "idelta", (s, r, p, t, out) -> instantValue(s, false, out));
        range(m, "deriv", RangeFunctions::deriv);
        range(m, "predict_linear", RangeFunctions::predictLinear);
        range(m, "holt_winters", RangeFunctions::holtWinters);
        range(m, "resets", (s, r, p, t, out) -> count(s, ExtendedRanges.firstIndex(s, r), false, out));
        range(m, "changes", (s, r, p, t, out) -> count(s, ExtendedRanges.firstIndex(s, r), true, out));
        range(m, "avg_over_time", (ev, c) -> ev.profile().averagesOverTimeBySumFirst()
                ? (s, r, p, t, out) -> set(out, avgOverTimeBySumFirst(s))
                : (s, r, p, t, out) -> set(out, avgOverTime(s)));
        range(m, "sum_over_time", (s, r, p, t, out) -> set(out, sumOverTime(s)));
        range(m, "count_over_time", (s, r, p, t, out) -> set(out, s.size()));
        range(m, "min_over_time", (s, r, p, t, out) -> set(out, extremeOverTime(s, false)));
        range(m, "max_over_time", (s, r, p, t, out) -> set(out, extremeOverTime(s, true)));
        range(m, "present_over_time", (s, r, p, t, out) -> set(out, 1));
        range(m, "stddev_over_time", (s, r, p, t, out) -> set(out, Math.sqrt(varianceOverTime(s))));
        range(m, "stdvar_over_time", (s, r, p, t, out) -> set(out, varianceOverTime(s)));
        range(m, "quantile_over_time", (ev, c) -> (s, r, p, t, out) -> {
            Quantiles.warnIfInvalid(ev, c.args().get(0), p[0]);
            double[] v = Arrays.copyOf(s.values(), s.size());
            return set(out, quantileOverTime(p[0], v));
        });
        m.put("last_over_time", (ev, c, t) -> apply(ev, c, t,
                (s, r, p, ts, out) -> set(out, s.value(s.size() - 1)), true));
        m.put("first_over_time", (ev, c, t) -> apply(ev, c, t, (s, r, p, ts, out) -> set(out, s.value(0)), true));
        range(m, "mad_over_time", (s, r, p, t, out) -> set(out, madOverTime(s)));
        range(m, "ts_of_first_over_time", (s, r, p, t, out) -> set(out, s.timestamp(0) / 1000.0));
        range(m, "ts_of_last_over_time", (s, r, p, t, out) -> set(out, s.timestamp(s.size() - 1) / 1000.0));
        range(m, "ts_of_min_over_time", (s, r, p, t, out) -> set(out, timestampOfExtreme(s, false)));
        range(m, "ts_of_max_over_time", (s, r, p, t, out) -> set(out, timestampOfExtreme(s, true)));
        m.put("absent_over_time", RangeFunctions::absentOverTime);
    }

    /** A kernel that depends on the evaluation (its profile, the annotations it raises at the call). */
    @FunctionalInterface
    interface KernelFactory {
        Kernel forCall(Evaluator ev, Call c);
    }

    private static void range(Map<String, FunctionImpl> m, String name, Kernel k) {
        range(m, name, (ev, c) -> k);
    }

    private static void range(Map<String, FunctionImpl> m, String name, KernelFactory k) {
        SlidingWindowFunctions.Kind incremental = SlidingWindowFunctions.Kind.of(name);
        if (incremental == null) {
            m.put(name, (ev, c, t) -> apply(ev, c, t, k.forCall(ev, c), false));
            return;
        }
        // Over a plain selector these run on the series' sliding windows; subqueries have no stored series.
        // Series holding histograms are evaluated directly (the windows sum and compare floats only).
        m.put(name, (ev, c, t) -> {
            Vector sliding = ev.unwrapParens(c.args().get(0)) instanceof MatrixSelector ms
                    && ms.selector().extension() == RangeExtension.NONE && incremental.supports(ev.profile())
                    ? SlidingWindowFunctions.apply(ev, ms, t, incremental) : null;
            return sliding != null ? sliding : apply(ev, c, t, k.forCall(ev, c), false);
        });
    }

    /**
     * rate, increase or delta; for counters, a warning about start timestamps overlapping earlier samples and, for
     * rate and increase, an info about names that do not look like a counter's.
     */
    private static Kernel rate(Evaluator ev, Call c, boolean isCounter, boolean isRate) {
        Expr arg = ev.unwrapParens(c.args().get(0));
        return (s, r, p, t, out) -> {
            if (isCounter) {
                warnAboutStartTimeOverlap(ev, arg, s);
            }
            boolean produced = extrapolatedRate(s, r, isCounter, isRate, ev.profile(), out);
            if (produced && isCounter) {
                infoIfNotCounter(ev, arg, s.metric());
            }
            return produced;
        };
    }

    static void warnAboutStartTimeOverlap(Evaluator ev, Expr arg, Series s) {
        if (s.startTimestamps() == null) {
            return;
        }
        for (int i = 1; i < s.size(); i++) {
            if (startTimeOverlaps(s, i)) {
                ev.annotations().warn(arg.pos(), "sample has start time that overlaps with previous sample "
                        + "timestamp for metric " + GoQuote.quote(s.metric().get(Labels.METRIC_NAME)));
                return;
            }
        }
    }

    /** Prometheus 3's hint that rate or increase read a series not named like a counter. */
    static void infoIfNotCounter(Evaluator ev, Expr arg, Labels metric) {
        if (!ev.profile().annotatesResults()) {
            return; // 2.42 has no annotations; the name checks cost per series and step
        }
        String name = metric.get(Labels.METRIC_NAME);
        if (!name.isEmpty() && !name.endsWith("_total") && !name.endsWith("_sum") && !name.endsWith("_count")
                && !name.endsWith("_bucket")) {
            ev.annotations().info(arg.pos(), "metric might not be a counter, name does not end in "
                    + "_total/_sum/_count/_bucket: " + GoQuote.quote(name));
        }
    }

    private static boolean set(double[] out, double v) {
        out[0] = v;
        return true;
    }

    /** Evaluates the range argument and the scalar ones, then the kernel per series (series without points skip). */
    static Vector apply(Evaluator ev, Call c, long t, Kernel kernel, boolean keepName) {
        List<Expr> args = c.args();
        Expr rangeExpr = null;
        double[] params = new double[args.size() - 1];
        int p = 0;
        for (Expr a : args) {
            if (a.type() == ValueType.MATRIX && rangeExpr == null) {
                rangeExpr = a;
            } else {
                params[p++] = ev.evalScalar(a, t);
            }
        }
        RangeArgument r = ev.evalRange(rangeExpr, t);
        if (!r.series().isEmpty()) {
            validate(ev.profile().implementationName(c.function().name()), params); // checked per series
        }
        List<Sample> out = new ArrayList<>(r.series().size());
        double[] result = new double[1];
        for (Series s : r.series()) {
            // Prometheus holds one series' window at a time, plus the outputs so far; a series' output joins them
            // before its window goes.
            long window = ev.weights().series(s);
            ev.addSamples(window);
            if (HistogramRangeFunctions.holdsHistograms(s)) {
                HistogramRangeFunctions.Point point = s.size() == 0 ? null
                        : HistogramRangeFunctions.compute(ev, c, s, r, params, t, kernel);
                if (point != null) {
                    Sample sample = resultSample(ev, s, t, point, keepName);
                    ev.addSamples(ev.weights().held(new Vector(List.of(sample))));
                    out.add(sample);
                }
                ev.releaseSamples(window);
                continue;
            }
            if (s.size() > 0 && kernel.compute(s, r, params, t, result)) {
                ev.addSamples(1);
                out.add(keepName && !s.dropName() ? new Sample(s.metric(), t, result[0])
                        : ev.nameDropped(s.metric(), t, result[0]));
            }
            ev.releaseSamples(window);
        }
        return ev.checkedVector(out);
    }

    private static Sample resultSample(Evaluator ev, Series s, long t, HistogramRangeFunctions.Point point,
            boolean keepName) {
        if (point.histogram() == null) {
            return keepName && !s.dropName() ? new Sample(s.metric(), t, point.value())
                    : ev.nameDropped(s.metric(), t, point.value());
        }
        Sample named = keepName && !s.dropName() ? new Sample(s.metric(), t, point.histogram(), false)
                : ev.nameDropped(s.metric(), t, 0);
        return named.at(t, point.histogram());
    }

    private static void validate(String name, double[] params) {
        if (name.equals("holt_winters")) {
            if (params[0] <= 0 || params[0] >= 1) {
                throw new PromqlEvalException("invalid smoothing factor. Expected: 0 < sf < 1, got: "
                        + goPercentF(params[0]));
            }
            if (params[1] <= 0 || params[1] >= 1) {
                throw new PromqlEvalException("invalid trend factor. Expected: 0 < tf < 1, got: "
                        + goPercentF(params[1]));
            }
        }
    }

    /** Go's {@code %f}: six decimals; NaN and infinities spelled as Go spells them. */
    static String goPercentF(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return String.format(java.util.Locale.ROOT, "%f", v);
    }

    /** Prometheus's extrapolatedRate for rate/increase/delta. */
    static boolean extrapolatedRate(Series s, RangeArgument r, boolean isCounter, boolean isRate,
            PromqlProfile profile, double[] out) {
        if (r.extension() != RangeExtension.NONE) {
            return ExtendedRanges.rate(s, r, isCounter, isRate, out);
        }
        int n = s.size();
        long zeroPointMs = isCounter ? counterZeroPoint(s, r.rangeStartMs()) : 0;
        if (n < 2 && zeroPointMs == 0) {
            return false;
        }
        double first = s.value(0);
        double last = s.value(n - 1);
        double result = last - first;
        if (isCounter) {
            for (int i = 1; i < n; i++) {
                if (s.value(i) < s.value(i - 1) || startTimestampReset(s, i)) {
                    result += s.value(i - 1);
                }
            }
        }
        out[0] = extrapolate(result, first, s.timestamp(0), s.timestamp(n - 1), n, zeroPointMs, r.rangeStartMs(),
                r.rangeEndMs(), r.rangeMs(), isCounter, isRate, profile.capsExtrapolationBeforeZeroCutoff());
        return true;
    }

    /**
     * The first point's start timestamp when it lies inside the window and before the point: the counter was 0
     * there, which replaces extrapolating towards the window's start. 0 when there is no such start timestamp.
     */
    static long counterZeroPoint(Series s, long rangeStartMs) {
        long st = s.startTimestamp(0);
        return st != 0 && st > rangeStartMs && st < s.timestamp(0) ? st : 0;
    }

    /**
     * Whether point i's start timestamp says the counter restarted after point i-1: it starts after i-1 (or at i-1,
     * when i-1 had a start timestamp of its own before it: a delta sample). Unknown, unusable (at or after the
     * point) or earlier start timestamps say nothing.
     */
    static boolean startTimestampReset(Series s, int i) {
        long st = s.startTimestamp(i);
        long prevT = s.timestamp(i - 1);
        if (st == 0 || st >= s.timestamp(i) || st < prevT) {
            return false;
        }
        if (st > prevT) {
            return true;
        }
        long prevSt = s.startTimestamp(i - 1);
        return prevSt <= prevT && prevSt != 0 && prevSt != prevT;
    }

    /** A start timestamp before the previous point's time that is not the previous point's own start: overlap. */
    static boolean startTimeOverlaps(Series s, int i) {
        long st = s.startTimestamp(i);
        return st != 0 && st < s.timestamp(i - 1) && st != s.startTimestamp(i - 1);
    }

    /**
     * The extrapolation step of extrapolatedRate: {@code result} (last - first plus the values before resets) over
     * n points from firstTs to lastTs, extended towards the window's edges; from the counter's zero point instead
     * of towards the start when {@code zeroPointMs} is not 0 (then n may be 1).
     */
    static double extrapolate(double result, double first, long firstTs, long lastTs, int n, long zeroPointMs,
            long rangeStartMs, long rangeEndMs, long rangeMs, boolean isCounter, boolean isRate,
            boolean capBeforeZeroCutoff) {
        double durationToStart = (firstTs - rangeStartMs) / 1000.0;
        double durationToEnd = (rangeEndMs - lastTs) / 1000.0;
        double sampledInterval = (lastTs - firstTs) / 1000.0;
        double averageDurationBetweenSamples = n > 1 ? sampledInterval / (n - 1) : 0;
        double threshold = averageDurationBetweenSamples * 1.1;
        double halfInterval = averageDurationBetweenSamples / 2;
        if (zeroPointMs != 0) {
            durationToStart = 0;
            sampledInterval = (lastTs - zeroPointMs) / 1000.0;
            result += first;
        } else {
            if (capBeforeZeroCutoff && durationToStart >= threshold) {
                durationToStart = halfInterval;
            }
            if (isCounter && result > 0 && first >= 0) {
                double durationToZero = sampledInterval * (first / result);
                if (durationToZero < durationToStart) {
                    durationToStart = durationToZero;
                }
            }
            if (!capBeforeZeroCutoff && durationToStart >= threshold) {
                durationToStart = halfInterval;
            }
        }
        if (durationToEnd >= threshold) {
            durationToEnd = halfInterval;
        }
        double factor = sampledInterval == 0 ? 1 : (sampledInterval + durationToStart + durationToEnd)
                / sampledInterval;
        if (isRate) {
            factor /= durationSeconds(rangeMs);
        }
        return result * factor;
    }

    /** Go's {@code time.Duration.Seconds()}: whole seconds plus the fraction, each converted separately. */
    static double durationSeconds(long ms) {
        return (double) (ms / 1000) + (double) ((ms % 1000) * 1_000_000L) / 1e9;
    }

    /** irate/idelta: the last two points. */
    static boolean instantValue(Series s, boolean isRate, double[] out) {
        int n = s.size();
        if (n < 2) {
            return false;
        }
        double last = s.value(n - 1);
        double prev = s.value(n - 2);
        double result = isRate && (last < prev || startTimestampReset(s, n - 1)) ? last : last - prev;
        long interval = s.timestamp(n - 1) - s.timestamp(n - 2);
        if (interval == 0) {
            return false;
        }
        if (isRate) {
            result /= interval / 1000.0;
        }
        out[0] = result;
        return true;
    }

    private static boolean deriv(Series s, RangeArgument r, double[] p, long t, double[] out) {
        if (s.size() < 2) {
            return false;
        }
        out[0] = linearRegression(s, s.timestamp(0))[0];
        return true;
    }

    private static boolean predictLinear(Series s, RangeArgument r, double[] p, long t, double[] out) {
        if (s.size() < 2) {
            return false;
        }
        double[] fit = linearRegression(s, t);
        out[0] = fit[0] * p[0] + fit[1];
        return true;
    }

    /** Least squares with Kahan-summed sums; x in seconds relative to interceptTime. Returns {slope, intercept}. */
    static double[] linearRegression(Series s, long interceptTime) {
        double n = 0;
        GoMath.KahanSum sumX = new GoMath.KahanSum();
        GoMath.KahanSum sumY = new GoMath.KahanSum();
        GoMath.KahanSum sumXY = new GoMath.KahanSum();
        GoMath.KahanSum sumX2 = new GoMath.KahanSum();
        double initY = s.value(0);
        boolean constY = true;
        for (int i = 0; i < s.size(); i++) {
            double y = s.value(i);
            if (constY && i > 0 && y != initY) {
                constY = false;
            }
            n += 1.0;
            double x = (s.timestamp(i) - interceptTime) / 1e3;
            sumX.add(x);
            sumY.add(y);
            sumXY.add(x * y);
            sumX2.add(x * x);
        }
        if (constY) {
            if (Double.isInfinite(initY)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {0, initY};
        }
        double sx = sumX.sum + sumX.c;
        double sy = sumY.sum + sumY.c;
        double sxy = sumXY.sum + sumXY.c;
        double sx2 = sumX2.sum + sumX2.c;
        double covXY = sxy - sx * sy / n;
        double varX = sx2 - sx * sx / n;
        double slope = covXY / varX;
        double intercept = sy / n - slope * sx / n;
        return new double[] {slope, intercept};
    }

    private static boolean holtWinters(Series s, RangeArgument r, double[] p, long t, double[] out) {
        int l = s.size();
        if (l < 2) {
            return false;
        }
        double sf = p[0];
        double tf = p[1];
        double s0 = 0;
        double s1 = s.value(0);
        double b = s.value(1) - s.value(0);
        for (int i = 1; i < l; i++) {
            double x = sf * s.value(i);
            if (i - 1 != 0) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        out[0] = s1;
        return true;
    }

    /**
     * resets (decreases, start timestamp resets) or changes (value differs, NaN to NaN is no change), from point
     * {@code first} on.
     */
    private static boolean count(Series s, int first, boolean changes, double[] out) {
        if (first < 0) {
            return false;
        }
        int count = 0;
        double prev = s.value(first);
        for (int i = first + 1; i < s.size(); i++) {
            double cur = s.value(i);
            if (changes ? cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))
                    : cur < prev || startTimestampReset(s, i)) {
                count++;
            }
            prev = cur;
        }
        out[0] = count;
        return true;
    }

    /** Incremental mean with Kahan compensation and Prometheus's infinity special cases. */
    static double avgOverTime(Series s) {
        double count = 0;
        GoMath.KahanSum mean = new GoMath.KahanSum();
        for (int i = 0; i < s.size(); i++) {
            count++;
            addToMean(mean, count, s.value(i));
        }
        return mean.value();
    }

    /**
     * Prometheus 3's avg_over_time: the Kahan sum divided by the count, unless the sum overflows; from then on the
     * incremental mean, continuing from the mean so far.
     */
    static double avgOverTimeBySumFirst(Series s) {
        GoMath.KahanSum sum = new GoMath.KahanSum();
        sum.sum = s.value(0);
        double count = 1;
        boolean incremental = false;
        for (int i = 1; i < s.size(); i++) {
            count = i + 1;
            double v = s.value(i);
            if (!incremental) {
                double before = sum.sum;
                double beforeC = sum.c;
                sum.addDroppingCompensationOnOverflow(v);
                if (!Double.isInfinite(sum.sum)) {
                    continue;
                }
                incremental = true;
                sum.sum = before / (count - 1); // from here on: the mean and its compensation
                sum.c = beforeC / (count - 1);
            }
            double q = (count - 1) / count;
            sum.sum *= q;
            sum.c *= q;
            sum.addDroppingCompensationOnOverflow(v / count);
        }
        return incremental ? sum.sum + sum.c : sum.sum / count + sum.c / count;
    }

    /** One step of avgOverTime's incremental mean: v is the count-th point. */
    static void addToMean(GoMath.KahanSum mean, double count, double v) {
        if (Double.isInfinite(mean.sum)) {
            if (Double.isInfinite(v) && (mean.sum > 0) == (v > 0)) {
                return;
            }
            if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                return;
            }
        }
        mean.add(v / count - mean.sum / count);
    }

    static double sumOverTime(Series s) {
        GoMath.KahanSum sum = new GoMath.KahanSum();
        for (int i = 0; i < s.size(); i++) {
            sum.add(s.value(i));
        }
        return sum.value();
    }

    /** max/min where NaN is replaced by any later value. */
    static double extremeOverTime(Series s, boolean max) {
        double r = s.value(0);
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            if ((max ? v > r : v < r) || Double.isNaN(r)) {
                r = v;
            }
        }
        return r;
    }

    /** Seconds of the last point holding the maximum (or minimum); NaN is replaced by any later value. */
    private static double timestampOfExtreme(Series s, boolean max) {
        double extreme = s.value(0);
        long at = s.timestamp(0);
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            if ((max ? v >= extreme : v <= extreme) || Double.isNaN(extreme)) {
                extreme = v;
                at = s.timestamp(i);
            }
        }
        return at / 1000.0;
    }

    /** Median absolute deviation from the median; NaN when any point is NaN. */
    private static double madOverTime(Series s) {
        double[] values = Arrays.copyOf(s.values(), s.size());
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        double median = quantileOverTime(0.5, values);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return quantileOverTime(0.5, values);
    }

    /** Welford with Kahan-compensated mean and aux; population variance. */
    static double varianceOverTime(Series s) {
        double count = 0;
        GoMath.KahanSum mean = new GoMath.KahanSum();
        GoMath.KahanSum aux = new GoMath.KahanSum();
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            count++;
            double delta = v - (mean.sum + mean.c);
            mean.add(delta / count);
            aux.add(delta * (v - (mean.sum + mean.c)));
        }
        return (aux.sum + aux.c) / count;
    }

    static double quantileOverTime(double q, double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        Quantiles.sortNaNFirst(values);
        return Quantiles.interpolate(q, values);
    }

    /** 1 with the selector's equality-matcher labels iff no series has a point in the window. */
    /**
     * 1 when the range holds no points. Prometheus computes it like the other range functions (each series with
     * points outputs a sample, counted while its window is held), then replaces their outputs.
     */
    private static Vector absentOverTime(Evaluator ev, Call c, long t) {
        RangeArgument r = ev.evalRange(c.args().get(0), t);
        boolean present = false;
        for (Series s : r.series()) {
            long window = ev.weights().series(s);
            ev.addSamples(window);
            if (s.size() > 0) {
                ev.addSamples(1);
                present = true;
            }
            ev.releaseSamples(window);
        }
        return present ? Vector.EMPTY
                : new Vector(List.of(new Sample(VectorFunctions.absentLabels(c.args().get(0)), t, 1)));
    }
}
