package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.promql.value.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A classic-histogram latency SLI counts good events from the {@code _bucket} series whose {@code le} is its
 * threshold; when the histogram has no such bucket, that series does not exist and the SLI reads every request as
 * slow (or nothing). With a {@code --metrics} scrape that shows the histogram's buckets the threshold must be one of
 * them, compared as numbers as Prometheus parses {@code le} ({@code 0.3} and {@code 0.30} are one bucket): an
 * error. Without one, a threshold that is a boundary of neither the Prometheus client libraries' default buckets
 * (Go, Java, Python: {@code .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10} seconds) nor OpenTelemetry's default
 * explicit-bucket boundaries ({@code 0 5 10 25 50 75 100 250 500 750 1000 2500 5000 7500 10000}, in milliseconds)
 * is a warning, since the histogram may declare its own buckets. Native-histogram thresholds are the compiler's
 * concern (a compile warning).
 */
public final class HistogramBucketLint implements Lint {
    private static final List<BigDecimal> PROMETHEUS_DEFAULT_SECONDS = decimals(
            ".005", ".01", ".025", ".05", ".1", ".25", ".5", "1", "2.5", "5", "10");
    private static final List<BigDecimal> OPENTELEMETRY_DEFAULT_MILLIS = decimals(
            "0", "5", "10", "25", "50", "75", "100", "250", "500", "750", "1000", "2500", "5000", "7500", "10000");

    @Override
    public String id() {
        return "histogram-buckets";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        context.forEachSlo((service, slo) -> {
            if (slo.sli() instanceof Sli.Latency latency) {
                check(service, slo, latency, context.knownMetrics(), report);
            }
        });
    }

    private void check(Service service, Slo slo, Sli.Latency latency, KnownMetrics known,
                       Consumer<Diagnostic> report) {
        String subject = "SLO " + service.name() + "/" + slo.name() + ": the latency threshold "
                + latency.le() + "s";
        for (SliSelectors read : SliSelectors.of(latency)) {
            TreeSet<BigDecimal> buckets = known.scrape().map(scrape -> bucketBoundaries(scrape, read))
                    .orElseGet(TreeSet::new);
            if (!buckets.isEmpty()) {
                if (!buckets.contains(asPrometheusReadsIt(latency.thresholdSeconds().doubleValue()))) {
                    report.accept(Diagnostic.error(id(), read.query().location(), subject
                            + " is not a bucket of " + read.metric() + " in " + known.scrape().get().source()
                            + " (" + nearest(buckets, latency.thresholdSeconds())
                            + "): no series has le=\"" + latency.le() + "\", so the SLI counts no request as fast; "
                            + "use a bucket boundary as the threshold or add it to the histogram's buckets"));
                }
                return;
            }
        }
        BigDecimal millis = latency.thresholdSeconds().movePointRight(3);
        if (!contains(PROMETHEUS_DEFAULT_SECONDS, latency.thresholdSeconds())
                && !contains(OPENTELEMETRY_DEFAULT_MILLIS, millis)) {
            report.accept(Diagnostic.warning(id(), latency.histogram().location(), subject + " is a boundary of "
                    + "neither the Prometheus client libraries' default buckets ("
                    + nearest(new TreeSet<>(PROMETHEUS_DEFAULT_SECONDS), latency.thresholdSeconds())
                    + ") nor OpenTelemetry's default buckets in milliseconds ("
                    + nearest(new TreeSet<>(OPENTELEMETRY_DEFAULT_MILLIS), millis)
                    + "): unless the histogram declares a bucket at it, the SLI counts no request as fast; "
                    + "check against the real buckets with --metrics and a saved scrape"));
        }
    }

    /** The {@code le} values of the histogram's bucket series the selector reads, as numbers; +Inf left out. */
    private static TreeSet<BigDecimal> bucketBoundaries(Scrape scrape, SliSelectors read) {
        TreeSet<BigDecimal> boundaries = new TreeSet<>();
        scrape.select(read.metric(), read.selector().matchers()).stream()
                .map(HistogramBucketLint::parsedLe)
                .filter(Objects::nonNull)
                .forEach(boundaries::add);
        return boundaries;
    }

    /** {@code le} as Prometheus parses it (a Go float), exact as a decimal; null when absent, infinite or no number. */
    private static BigDecimal parsedLe(Labels series) {
        try {
            double le = GoStrconv.parseFloat(series.get("le"));
            return Double.isFinite(le) ? asPrometheusReadsIt(le) : null;
        } catch (GoStrconv.NumError e) {
            return null;
        }
    }

    /** A float64 as an exact decimal: {@code 0.3} and {@code 0.30} alike. */
    private static BigDecimal asPrometheusReadsIt(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }

    /** The boundaries next to {@code value}: {@code nearest: 0.25 and 0.5}, or the one at the end it lies beyond. */
    private static String nearest(TreeSet<BigDecimal> boundaries, BigDecimal value) {
        String around = Stream.of(boundaries.lower(value), boundaries.higher(value)).filter(Objects::nonNull)
                .map(BigDecimal::toPlainString).reduce((below, above) -> below + " and " + above)
                .orElse("none");
        return "nearest: " + around;
    }

    private static boolean contains(List<BigDecimal> boundaries, BigDecimal value) {
        return boundaries.stream().anyMatch(b -> b.compareTo(value) == 0);
    }

    private static List<BigDecimal> decimals(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }
}
