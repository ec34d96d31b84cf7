package io.sloc.promql.script;

import java.util.List;
import java.util.Map;

/** One command of a PromQL test script (promql/test.go at 2.42). */
sealed interface ScriptCommand {
    /** {@code clear}: drop all data. */
    record Clear(int line) implements ScriptCommand {
    }

    /** {@code load <step>} with its series definitions; samples land at {@code i * step} ms. */
    record Load(int line, long stepMs, List<LoadedSeries> series) implements ScriptCommand {
    }

    /** One series line of a load block: labels and per-slot values (null = omitted slot). */
    record LoadedSeries(Map<String, String> labels, double[] values, java.util.BitSet omitted) {
    }

    /**
     * {@code eval[_fail|_ordered] instant [at <duration>] <expr>} with its expectations: {@code scalar} when the
     * block is a single number, else {@code expected} (empty = expects an empty vector).
     */
    record Eval(int line, String text, String expr, long atMs, boolean fail, boolean ordered, Double scalar,
                List<ExpectedSample> expected) implements ScriptCommand {
    }

    /** One expected vector element; {@code position} is its 1-based line index in the block. */
    record ExpectedSample(Map<String, String> labels, double value, int position) {
    }
}
