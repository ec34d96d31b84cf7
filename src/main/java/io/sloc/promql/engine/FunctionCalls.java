package io.sloc.promql.engine;

import io.sloc.promql.ast.Call;
import io.sloc.promql.value.Value;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The implementation table of PromQL functions, keyed by name. Holds exactly the names of the parser's function
 * table; the native-histogram functions exist and return nothing because float samples carry no histogram.
 */
public final class FunctionCalls {
    /** By name, hashed: looked up at every call of every step. */
    private static final Map<String, FunctionImpl> TABLE;
    private static final Set<String> NAMES;

    static {
        Map<String, FunctionImpl> m = new TreeMap<>();
        MathFunctions.register(m);
        RangeFunctions.register(m);
        TimeFunctions.register(m);
        LabelFunctions.register(m);
        VectorFunctions.register(m);
        ClassicHistograms.register(m);
        InfoFunction.register(m);
        TABLE = Map.copyOf(m);
        NAMES = Collections.unmodifiableSet(m.keySet());
    }

    private FunctionCalls() {
    }

    /** Names of all implemented functions. */
    public static Set<String> names() {
        return NAMES;
    }

    static Value call(Evaluator ev, Call call, long t) {
        FunctionImpl impl = TABLE.get(ev.profile().implementationName(call.function().name()));
        if (impl == null) {
            throw new PromqlEvalException("function " + call.function().name() + " has no implementation: the signature and implementation tables disagree");
        }
        ExtendedRanges.checkFunction(call);
        return impl.call(ev, call, t);
    }
}
