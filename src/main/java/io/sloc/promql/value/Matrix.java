package io.sloc.promql.value;

import java.util.List;

/** A range vector: series with their points inside a window. */
public record Matrix(List<Series> series) implements Value {
    public Matrix {
        series = List.copyOf(series);
    }
}
