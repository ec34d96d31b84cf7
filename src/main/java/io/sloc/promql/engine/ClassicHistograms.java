package io.sloc.promql.engine;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * histogram_quantile, histogram_quantiles and histogram_fraction over classic histograms: the bucket series of an
 * instant vector grouped by their labels without {@code le}. Float samples carry no native histograms, so these are
 * the only histograms the functions see.
 */
final class ClassicHistograms {
    private static final String MONOTONICITY_INFO = "input to histogram_quantile needed to be fixed for monotonicity "
            + "(see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)";

    private ClassicHistograms() {
    }

    static void register(Map<String, FunctionImpl> m) {
        m.put("histogram_quantile", ClassicHistograms::histogramQuantile);
        m.put("histogram_quantiles", ClassicHistograms::histogramQuantiles);
        m.put("histogram_fraction", ClassicHistograms::histogramFraction);
    }

    private static Vector histogramQuantile(Evaluator ev, Call c, long t) {
        double q = ev.evalScalar(c.args().get(0), t);
        Quantiles.warnIfInvalid(ev, c.args().get(0), q);
        Expr vector = c.args().get(1);
        List<Sample> natives = new ArrayList<>();
        Map<Labels, List<Quantiles.Bucket>> histograms = group(ev, ev.evalVector(vector, t), vector, natives);
        List<Sample> out = new ArrayList<>(natives.size() + histograms.size());
        for (Sample s : natives) {
            out.add(ev.nameDropped(s.metric(), t, NativeHistogramQuantiles.quantile(ev, vector,
                    annotatedName(ev, s.metric()), q, s.histogram())));
        }
        histograms.forEach((metric, buckets) ->
                out.add(ev.nameDropped(metric, t, quantile(ev, vector, t, q, metric, buckets))));
        return ev.checkedVector(out);
    }

    /** One series per histogram and quantile, the quantile in the named label as OpenMetrics formats it. */
    private static Vector histogramQuantiles(Evaluator ev, Call c, long t) {
        Expr vector = c.args().get(0);
        Vector in = ev.evalVector(vector, t);
        String label = ev.evalString(c.args().get(1), t);
        List<Double> qs = new ArrayList<>();
        for (Expr arg : c.args().subList(2, c.args().size())) {
            double q = ev.evalScalar(arg, t);
            Quantiles.warnIfInvalid(ev, arg, q);
            qs.add(q);
        }
        List<Sample> natives = new ArrayList<>();
        Map<Labels, List<Quantiles.Bucket>> histograms = group(ev, in, vector, natives);
        List<Sample> out = new ArrayList<>((natives.size() + histograms.size()) * qs.size());
        for (double q : qs) {
            for (Sample s : natives) {
                Labels labels = s.metric().toBuilder().set(label, openMetricsFloat(q)).build();
                out.add(ev.nameDropped(labels, t, NativeHistogramQuantiles.quantile(ev, vector,
                        annotatedName(ev, s.metric()), q, s.histogram())));
            }
            histograms.forEach((metric, buckets) -> {
                Labels labels = metric.toBuilder().set(label, openMetricsFloat(q)).build();
                out.add(ev.nameDropped(labels, t, quantile(ev, vector, t, q, metric, buckets)));
            });
        }
        return ev.checkedVector(out);
    }

    private static Vector histogramFraction(Evaluator ev, Call c, long t) {
        double lower = ev.evalScalar(c.args().get(0), t);
        double upper = ev.evalScalar(c.args().get(1), t);
        Expr vector = c.args().get(2);
        Vector in = ev.evalVector(vector, t);
        if (!ev.profile().fractionsOfClassicHistograms()) {
            return Vector.EMPTY;
        }
        List<Sample> natives = new ArrayList<>();
        Map<Labels, List<Quantiles.Bucket>> histograms = group(ev, in, vector, natives);
        List<Sample> out = new ArrayList<>(natives.size() + histograms.size());
        for (Sample s : natives) {
            out.add(ev.nameDropped(s.metric(), t, NativeHistogramQuantiles.fraction(ev, vector,
                    annotatedName(ev, s.metric()), lower, upper, s.histogram())));
        }
        histograms.forEach((metric, buckets) ->
                out.add(ev.nameDropped(metric, t, Quantiles.bucketFraction(lower, upper, buckets))));
        return ev.checkedVector(out);
    }

    private static double quantile(Evaluator ev, Expr vector, long t, double q, Labels metric,
                                   List<Quantiles.Bucket> buckets) {
        if (!ev.profile().reportsNonMonotonicBuckets()) {
            return Quantiles.bucketQuantile(q, buckets);
        }
        Quantiles.BucketQuantile result = Quantiles.bucketQuantileReportingFixes(q, buckets);
        if (result.forcedMonotonic()) {
            ev.annotations().info(vector.pos(), MONOTONICITY_INFO + forMetricName(ev, metric),
                    new MonotonicityFix(t, t, result.minBucket(), result.maxBucket(), result.maxDiff(), 1));
        }
        return result.value();
    }

    /**
     * Bucket samples by histogram (labels without {@code le}, in input order); samples without a parseable
     * {@code le} are left out with a warning. Native-histogram samples go to {@code natives}, unless a classic
     * histogram has their labels: then both are left out with a warning.
     */
    private static Map<Labels, List<Quantiles.Bucket>> group(Evaluator ev, Vector in, Expr arg,
            List<Sample> natives) {
        Map<Labels, List<Quantiles.Bucket>> histograms = new LinkedHashMap<>();
        for (Sample s : in.samples()) {
            if (s.isHistogram()) {
                natives.add(s);
                continue;
            }
            String le = s.metric().get("le");
            double upperBound;
            try {
                upperBound = GoStrconv.parseFloat(le);
            } catch (GoStrconv.NumError e) {
                ev.annotations().warn(arg.pos(), "bucket label \"le\" is missing or has a malformed value of "
                        + GoQuote.quote(le) + forMetricName(ev, s.metric()));
                continue;
            }
            Labels histogram = s.metric().toBuilder().remove("le").build();
            histograms.computeIfAbsent(histogram, k -> new ArrayList<>()).add(
                    new Quantiles.Bucket(upperBound, s.value()));
        }
        natives.removeIf(s -> {
            if (histograms.remove(s.metric()) == null) {
                return false;
            }
            ev.annotations().warn(arg.pos(), "vector contains a mix of classic and native histograms"
                    + forMetricName(ev, s.metric()));
            return true;
        });
        return histograms;
    }

    /** The metric name the native-histogram infos carry: only while names are still there (delayed removal). */
    private static String annotatedName(Evaluator ev, Labels metric) {
        return ev.profile().delayedNameRemoval() ? metric.get(Labels.METRIC_NAME) : "";
    }

    /** Prometheus names the metric in these annotations only while names are still there (delayed removal). */
    private static String forMetricName(Evaluator ev, Labels metric) {
        String name = metric.get(Labels.METRIC_NAME);
        return ev.profile().delayedNameRemoval() && !name.isEmpty()
                ? " for metric name " + GoQuote.quote(name) : "";
    }

    /** labels.FormatOpenMetricsFloat: Go's shortest 'g' form, with ".0" when it has neither '.' nor 'e'. */
    static String openMetricsFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        String s = GoFloat.formatV(f == 0 ? 0 : f);
        return s.contains(".") || s.contains("e") ? s : s + ".0";
    }

    /** Where monotonicity was forced, accumulated over the steps of a query as Prometheus merges it. */
    private record MonotonicityFix(long minTs, long maxTs, double minBucket, double maxBucket, double maxDiff,
                                   int samples) implements Annotations.Detail {
        @Override
        public Annotations.Detail mergedWith(Annotations.Detail later) {
            MonotonicityFix o = (MonotonicityFix) later;
            return new MonotonicityFix(Math.min(minTs, o.minTs), Math.max(maxTs, o.maxTs),
                    Math.min(minBucket, o.minBucket), Math.max(maxBucket, o.maxBucket), Math.max(maxDiff, o.maxDiff),
                    samples + o.samples);
        }

        @Override
        public String text() {
            return ", from buckets " + GoFloat.formatV(minBucket) + " to " + GoFloat.formatV(maxBucket)
                    + ", with a max diff of " + GoFloat.format(maxDiff, 'g', 2) + ", over " + samples
                    + " samples from " + rfc3339(minTs) + " to " + rfc3339(maxTs);
        }

        private static String rfc3339(long ms) {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(ms / 1000));
        }
    }
}
