package io.sloc.promql.engine;

import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.value.Series;
import java.util.List;

/**
 * A range-vector function argument at one evaluation step: each series' points inside the window
 * {@code [rangeStartMs, rangeEndMs]} (stale markers removed), the window itself (for rate extrapolation) and the
 * selector's range. Anchored and smoothed selectors' series also hold the points a lookback delta around the window.
 */
record RangeArgument(List<Series> series, long rangeStartMs, long rangeEndMs, long rangeMs, RangeExtension extension) {
    RangeArgument(List<Series> series, long rangeStartMs, long rangeEndMs, long rangeMs) {
        this(series, rangeStartMs, rangeEndMs, rangeMs, RangeExtension.NONE);
    }
}
