package io.sloc.ruletest;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.time.GoDuration;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Series;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * promtool 3.x's {@code test rules --debug} dump at the end of a test group: every series in storage (input and
 * rule output) over the whole test, queried as a range selector and printed like Go's {@code Matrix.String()}.
 */
final class DebugDump {
    private final Querier querier;
    private final PrintWriter err;

    DebugDump(Querier querier, PrintWriter err) {
        this.querier = querier;
        this.err = err;
    }

    void dump(long startMs, long maxEvalTimeMs) {
        // A range of whole seconds (PromQL has no fractional ones), just past the latest eval time.
        long rangeMs = (maxEvalTimeMs + 1000) / 1000 * 1000;
        String expr = "{__name__=~\".+\"}[" + GoDuration.format(rangeMs) + "]";
        Matrix matrix;
        try {
            // A range selector always evaluates to a matrix.
            matrix = (Matrix) querier.evaluate(expr, startMs + rangeMs);
        } catch (Querier.QueryException e) {
            err.println("DEBUG: Failed query exec, expr: " + GoQuote.quote(expr) + ", err: " + e.getMessage());
            err.flush();
            return;
        }
        err.println("DEBUG: Dump of all data (input_series and rules) at " + GoDuration.format(rangeMs) + ":");
        List<String> series = new ArrayList<>();
        for (Series s : matrix.series()) {
            series.add(series(s));
        }
        err.println(String.join("\n", series));
        err.flush();
    }

    /** Go's {@code Series.String()}: the labels, then one {@code value @[timestamp]} line per point. */
    private static String series(Series s) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            points.add(GoFloat.format(s.value(i), 'f', -1) + " @[" + s.timestamp(i) + "]");
        }
        return s.metric() + " =>\n" + String.join("\n", points);
    }
}
