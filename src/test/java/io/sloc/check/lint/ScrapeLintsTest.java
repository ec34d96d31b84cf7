package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.dsl.SloSpecParser;
import io.sloc.model.Spec;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.promql.value.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScrapeLintsTest {
    private static final Scrape SCRAPE = scrape(
            Labels.of("__name__", "api_seconds_bucket", "route", "/pay", "le", "0.10"),
            Labels.of("__name__", "api_seconds_bucket", "route", "/pay", "le", "0.30"),
            Labels.of("__name__", "api_seconds_bucket", "route", "/pay", "le", "1"),
            Labels.of("__name__", "api_seconds_bucket", "route", "/pay", "le", "+Inf"),
            Labels.of("__name__", "api_seconds_bucket", "route", "/other", "le", "0.2"),
            Labels.of("__name__", "requests_total", "code", "200"),
            Labels.of("__name__", "requests_total", "code", "503"));

    private static Scrape scrape(Labels... series) {
        return new Scrape("scrape.prom", Stream.of(series).map(Labels::metricName).collect(
                Collectors.toSet()), List.of(series));
    }

    private static Spec spec(String sli) {
        String text = "service shop {\n  slo orders {\n    objective 99.9%\n    " + sli + "\n  }\n}\n";
        return CompileSpecs.inMemory(List.of(SloSpecParser.parse(text, "shop.slo")), CompileOptions.DEFAULTS,
                PrometheusTarget.DEFAULT).spec();
    }

    private static List<Diagnostic> lint(Lint lint, String sli, Optional<Scrape> scrape) {
        List<Diagnostic> found = new ArrayList<>();
        lint.check(new LintContext(List.of(), List.of(spec(sli)), new KnownMetrics(List.of(), scrape),
                LintContext.RUNBOOK_URL), found::add);
        return found;
    }

    private static String latency(String selector, String threshold) {
        return "sli latency { histogram `" + selector + "` faster_than " + threshold + " }";
    }

    @Test
    void aThresholdIsABucketWhenPrometheusParsesAnLeToTheSameNumber() {
        assertThat(lint(new HistogramBucketLint(), latency("api_seconds{job=\"api\",route=\"/pay\"}", "300ms"),
                Optional.of(SCRAPE))).isEmpty();
    }

    @Test
    void aThresholdThatIsNoBucketOfTheSelectedSeriesIsAnErrorAtTheSli() {
        List<Diagnostic> found = lint(new HistogramBucketLint(), latency("api_seconds{route=\"/pay\"}", "200ms"),
                Optional.of(SCRAPE));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.check()).isEqualTo("histogram-buckets");
            assertThat(d.location().source()).isEqualTo("shop.slo");
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.message()).contains("0.2s is not a bucket of api_seconds_bucket")
                    .contains("nearest: 0.1 and 0.3").contains("le=\"0.2\"");
        });
    }

    @Test
    void withoutAScrapeAThresholdOffTheDefaultBucketsIsAWarningNamingTheNearest() {
        assertThat(lint(new HistogramBucketLint(), latency("api_seconds", "250ms"), Optional.empty())).isEmpty();
        assertThat(lint(new HistogramBucketLint(), latency("api_seconds", "750ms"), Optional.empty())).isEmpty();
        assertThat(lint(new HistogramBucketLint(), latency("api_seconds", "300ms"), Optional.empty()))
                .singleElement().satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Severity.WARNING);
                    assertThat(d.message()).contains("default buckets (nearest: 0.25 and 0.5)")
                            .contains("in milliseconds (nearest: 250 and 500)");
                });
    }

    @Test
    void aScrapeWithoutTheHistogramFallsBackToTheDefaults() {
        assertThat(lint(new HistogramBucketLint(), latency("other_seconds", "300ms"), Optional.of(SCRAPE)))
                .singleElement().extracting(Diagnostic::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void everySliSelectorMustSelectASeriesHonouringEveryMatcherType() {
        String ratio = "sli ratio { errors `sum(rate(requests_total{code=~\"5..\"}[$window]))` "
                + "total `sum(rate(requests_total{code!=\"\"}[$window]))` }";
        assertThat(lint(new SliSeriesLint(), ratio, Optional.of(SCRAPE))).isEmpty();
        String typo = "sli ratio { errors `requests_total{code=~\"6..\", job=\"shop\"}` total `request_total` }";
        assertThat(lint(new SliSeriesLint(), typo, Optional.of(SCRAPE))).extracting(Diagnostic::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("none of the 2 requests_total series in scrape.prom has "
                                + "code=~\"6..\", job=\"shop\" (job not judged"),
                        m -> assertThat(m).contains("there is no request_total series in scrape.prom"));
        assertThat(lint(new SliSeriesLint(), latency("api_seconds{route!~\"/pay|/other\"}", "1s"),
                Optional.of(SCRAPE))).singleElement().extracting(Diagnostic::message).asString()
                .contains("reads api_seconds_bucket");
    }

    @Test
    void withoutAScrapeSelectorsAreNotJudged() {
        assertThat(lint(new SliSeriesLint(), latency("missing_seconds", "1s"), Optional.empty())).isEmpty();
    }
}
