package io.sloc.ruletest;

import io.sloc.promql.PromqlProfile;
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
    private final PromqlProfile profile;

    Querier(MemoryStorage storage, long subqueryStepMs, int maxSamples, PromqlProfile profile) {
        this.storage = storage;
        this.profile = profile;
        this.engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, subqueryStepMs, maxSamples,
                profile));
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
        return query(parse(exprText), tMs);
    }

    /** Any query result, for promtool's debug dump of a range selector. */
    Value evaluate(String exprText, long tMs) throws QueryException {
        try {
            return engine.instantQuery(storage, parse(exprText), tMs);
        } catch (PromqlEvalException e) {
            throw new QueryException(e.getMessage());
        }
    }

    Expr parse(String exprText) throws QueryException {
        try {
            return PromqlParser.parse(exprText, profile);
        } catch (PromqlParseException e) {
            throw new QueryException(e.prometheusMessage());
        }
    }
}
