package io.sloc.ruletest;

import io.sloc.promql.ast.Expr;
import io.sloc.promql.parser.PromqlPrinter;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.Rule;
import java.util.List;

/**
 * The evaluation state of one rule across steps: what it wrote last time (to mark vanished series stale) and the
 * error of its latest evaluation, as Prometheus's rules.Group keeps them.
 */
abstract sealed class RuleState permits RecordingRuleState, AlertingRuleState {
    /** The series the latest evaluation wrote, in output order. */
    List<Labels> previousSeries = List.of();
    String lastError;
    private Expr evaluated;

    abstract Rule rule();

    /**
     * The query a rule runs in Prometheus (2.42 and 3.x): its parsed expression printed back to text and parsed
     * again ({@code rule.vector.String()} handed to {@code rules.EngineQueryFunc}). The printer sorts selector
     * matchers, and the order decides which labels {@code absent()} keeps.
     */
    final Expr query(Querier querier) throws Querier.QueryException {
        if (evaluated == null) {
            evaluated = querier.parse(PromqlPrinter.printAsPrometheus(rule().expr()));
        }
        return evaluated;
    }

    /**
     * Evaluates the rule at {@code tsMs} from {@code queryResult}, its query's result {@code queryOffsetMs} earlier (a
     * 3.x group's query_offset); the samples to append, timestamped at the query time. {@code querier} serves the
     * templates' queries.
     *
     * @throws Querier.QueryException with the message promtool reports for the rule
     */
    abstract List<Sample> evaluate(long tsMs, long queryOffsetMs, List<Sample> queryResult, Querier querier,
                                   int limit) throws Querier.QueryException;
}
