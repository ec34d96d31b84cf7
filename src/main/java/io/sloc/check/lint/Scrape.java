package io.sloc.check.lint;

import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.value.Labels;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What saved scrapes ({@code --metrics}) show: the metric names (with the series each {@code # TYPE} family
 * implies) and every sample's series, its labels with {@code __name__}.
 *
 * @param names  sorted
 * @param source the scrapes as messages name them ({@code scrape.prom})
 */
public record Scrape(String source, Set<String> names, List<Labels> series) {
    public Scrape {
        names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
        series = List.copyOf(series);
    }

    /** The series of {@code metric}. */
    public List<Labels> seriesOf(String metric) {
        return series.stream().filter(s -> metric.equals(s.metricName())).toList();
    }

    /**
     * The series of {@code metric} that {@code matchers} select ({@code __name__} matchers aside). A matcher on a
     * label none of the metric's series carries is not judged: such labels ({@code job}, {@code instance},
     * {@code namespace}) are attached by Prometheus at scrape time and are missing from a saved {@code /metrics}.
     */
    public List<Labels> select(String metric, List<LabelMatcher> matchers) {
        List<Labels> candidates = seriesOf(metric);
        List<LabelMatcher> judged = matchers.stream()
                .filter(m -> !m.name().equals(Labels.METRIC_NAME))
                .filter(m -> candidates.stream().anyMatch(s -> s.has(m.name())))
                .toList();
        return candidates.stream().filter(s -> judged.stream().allMatch(m -> m.matches(s.get(m.name())))).toList();
    }

    /** The label names of {@code metric}'s series that {@link #select} does not judge. */
    public Stream<String> unjudged(String metric, List<LabelMatcher> matchers) {
        List<Labels> candidates = seriesOf(metric);
        return matchers.stream().map(LabelMatcher::name).filter(name -> !name.equals(Labels.METRIC_NAME))
                .filter(name -> candidates.stream().noneMatch(s -> s.has(name))).distinct();
    }
}
