package io.sloc.template;

import io.sloc.golang.fmt.GoValue;
import java.util.List;
import java.util.stream.Collectors;

/** Prometheus's template {@code queryResult} ({@code []*sample}). */
public record QueryResult(List<TemplateSample> samples) implements GoValue {
    public QueryResult {
        samples = List.copyOf(samples);
    }

    @Override
    public String goTypeName() {
        return "template.queryResult";
    }

    /** Go prints the element pointers as addresses, which no test can expect; we print the samples. */
    @Override
    public String goString() {
        return samples.stream().map(TemplateSample::goString).collect(Collectors.joining(" ", "[", "]"));
    }
}
