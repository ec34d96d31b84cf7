package io.sloc.promql.engine;

import io.sloc.promql.ast.Call;
import io.sloc.promql.value.Value;

/** A PromQL function's implementation: evaluates its own arguments at step t. */
@FunctionalInterface
interface FunctionImpl {
    Value call(Evaluator ev, Call call, long t);
}
