package io.sloc.ruletest;

import io.sloc.promql.ast.Expr;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.engine.PromqlEvalException;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.List;

/**
 * Instant queries the way promtool's rules.EngineQueryFunc runs them: a scalar becomes one sample with no labels,
 * anything else but a vector is an error. Failures carry Prometheus's message.
 */
final class Querier {
    private final Engine engine;
    private final MemoryStorage storage;

    Querier(MemoryStorage storage, long subqueryStepMs, int maxSamples) {
        this.storage = storage;
        this.engine = new Engine(EngineOptions.defaults()
                .withLookbackDeltaMs(EngineOptions.DEFAULT_LOOKBACK_MS)
                .withDefaultSubqueryStepMs(subqueryStepMs)
                .withMaxSamples(maxSamples));
    }

    /** A query failure (parse or evaluation) with Prometheus's message. */
    static final class QueryException extends Exception {
        QueryException(String message) {
            super(message);
        }
    }

    List<Sample> query(Expr expr, long tMs) throws QueryException {
        Value v;
        try {
            v = engine.instantQuery(storage, expr, tMs);
        } catch (PromqlEvalException e) {
            throw new QueryException(e.getMessage());
        }
        if (v instanceof Vector vector) {
            return vector.samples();
        }
        if (v instanceof Scalar s) {
            return List.of(new Sample(Labels.EMPTY, s.timestampMs(), s.value()));
        }
        throw new QueryException("rule result is not a vector or scalar");
    }

    List<Sample> query(String exprText, long tMs) throws QueryException {
        Expr expr;
        try {
            expr = PromqlParser.parse(exprText);
        } catch (PromqlParseException e) {
            throw new QueryException(e.prometheusMessage());
        }
        return query(expr, tMs);
    }
}
