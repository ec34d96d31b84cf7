package io.sloc.promql.script;

import io.sloc.promql.value.FloatHistogram;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One command of a PromQL test script (promql/promqltest/test.go at 3.14; the 2.42 language is a subset). */
sealed interface ScriptCommand {
    /** {@code clear}: drop all data. */
    record Clear(int line) implements ScriptCommand {
    }

    /**
     * {@code load[_with_nhcb] <step>} with its series definitions; samples land at {@code i * step} ms. With
     * {@code withNhcb}, classic histogram series are also loaded as native histograms with custom buckets.
     */
    record Load(int line, long stepMs, boolean withNhcb, List<LoadedSeries> series) implements ScriptCommand {
    }

    /**
     * One series line of a load block: labels and per-slot values (omitted slots flagged; native histograms where
     * {@code histograms}, null when there are none, has one); {@code startOffsets} holds the slot's start-timestamp
     * offset in ms from an {@code @st} line, or is null.
     */
    record LoadedSeries(Map<String, String> labels, double[] values, BitSet omitted, FloatHistogram[] histograms,
                        StartOffsets startOffsets) {
        FloatHistogram histogram(int slot) {
            return histograms == null ? null : histograms[slot];
        }
    }

    /** The {@code @st} line of a series: start-timestamp offsets in ms per slot, omitted slots flagged. */
    record StartOffsets(long[] offsetsMs, BitSet omitted) {
    }

    /** An {@code expect fail|warn|info|…} line: matches a message exactly, by regex, or anything. */
    record ExpectLine(String type, String message, Pattern regex) {
        boolean matches(String text) {
            return regex != null ? regex.matcher(text).find() : message.equals(text);
        }

        String describe() {
            return regex != null ? "pattern " + quote(regex.pattern()) : "message " + quote(message);
        }

        private static String quote(String s) {
            return io.sloc.golang.strconv.GoQuote.quote(s);
        }
    }

    /**
     * {@code eval[_fail|_warn|_info|_ordered] instant [at <t>] <expr>} or {@code eval[_…] range from <a> to <b> step
     * <s> <expr>} with its expectations: {@code scalar} when the block is a single number, else {@code expected}
     * (empty = expects an empty result). An instant query with {@code expect range vector from … to … step …} expects a
     * range vector over those times ({@code startMs..endMs} by {@code stepMs}).
     */
    record Eval(int line, String text, String expr, boolean range, long startMs, long endMs, long stepMs,
                Flags flags, List<ExpectLine> expectLines, Double scalar, String expectedString,
                List<ExpectedSeries> expected) implements ScriptCommand {
        /** The evaluation time of an instant query, or the last step of a range query or range-vector expectation. */
        long atMs() {
            return endMs;
        }

        boolean fail() {
            return flags.fail() || expectLines.stream().anyMatch(e -> e.type().equals("fail"));
        }

        boolean ordered() {
            return flags.ordered() || expectLines.stream().anyMatch(e -> e.type().equals("ordered"));
        }

        List<ExpectLine> expectLines(String type) {
            return expectLines.stream().filter(e -> e.type().equals(type)).toList();
        }

        /** Whether the instant query is expected to return a range vector ({@code expect range vector}). */
        boolean expectsRangeVector() {
            return !range && stepMs > 0;
        }

        /** Whether Go's runner also checks the instant query in range mode. */
        boolean checkedInRangeMode() {
            return !expectsRangeVector() && expectedString == null;
        }
    }

    /** The modifier on {@code eval_*}. */
    record Flags(boolean fail, boolean ordered, boolean warn, boolean info) {
    }

    /**
     * One expected series: its labels and values per step (histograms as in {@link LoadedSeries}, {@code hintGiven}
     * marking those whose counter reset hint is to be compared); {@code position} is its 1-based line in the block.
     */
    record ExpectedSeries(Map<String, String> labels, double[] values, BitSet omitted, FloatHistogram[] histograms,
                          BitSet hintGiven, int position) {
        FloatHistogram histogram(int slot) {
            return histograms == null ? null : histograms[slot];
        }
    }
}
