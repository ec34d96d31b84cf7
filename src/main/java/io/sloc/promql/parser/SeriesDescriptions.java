package io.sloc.promql.parser;

import io.sloc.diag.SourceLocation;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.HistogramException;
import io.sloc.promql.value.Span;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Series descriptions of PromQL test scripts and promtool's {@code input_series}: {@code <metric> <values>} in
 * the expanding notation ({@code 1+2x3}, {@code _x2}, {@code stale}), as Prometheus's {@code ParseSeriesDesc} and
 * {@code ParseMetric} read them, with their error messages. Hand-written rather than ANTLR-based because input
 * series can hold millions of values: values go straight into a growing {@code double[]}.
 */
public final class SeriesDescriptions {
    /** Staleness marker: a NaN with this exact bit pattern (Prometheus's value.StaleNaN). */
    public static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);
    /** The most slots a Java array (one series) holds. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /**
     * Heap a value slot costs until its series is in storage: its slot here and the trimmed copy (8 + 8 bytes), the
     * omitted-bit and, once appended, the stored timestamp and value (16 bytes).
     */
    private static final long BYTES_PER_VALUE = 33;

    private static final Set<String> METRIC_KEYWORDS = Set.of("avg", "bottomk", "by", "count", "count_values",
            "group", "and", "or", "unless", "max", "min", "offset", "quantile", "stddev", "stdvar", "sum", "topk",
            "without", "start", "end");
    private static final Set<String> HISTOGRAM_KEYS = Set.of("sum", "count", "schema", "offset", "n_offset",
            "buckets", "n_buckets", "z_bucket", "z_bucket_w", "custom_values", "counter_reset_hint");
    private static final Set<String> COUNTER_RESET_HINTS = Set.of("unknown", "reset", "not_reset", "gauge");
    private static final SourceLocation SERIES = new SourceLocation("<series>", 1, 1);

    private SeriesDescriptions() {
    }

    private static long heapLeft() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * A parsed series: labels (with {@code __name__}, sorted by name) and one value slot per step. A slot holds a
     * native histogram where {@code histograms} (null when there are none) has one; {@code hintGiven} marks the
     * histograms whose description named a counter reset hint (tests then compare it).
     */
    /**
     * A parsed series: its labels (a name given twice keeps its last value), its slots, and {@code repeatedName}, the
     * first label name (in sorted order) given twice, which Prometheus keeps twice and its storage then rejects
     * (null when none).
     */
    public record SeriesDescription(Map<String, String> labels, double[] values, BitSet omitted,
                                    FloatHistogram[] histograms, BitSet hintGiven, String repeatedName) {
        public SeriesDescription(Map<String, String> labels, double[] values, BitSet omitted) {
            this(labels, values, omitted, null, new BitSet(), null);
        }

        /** Number of slots, including omitted ones. */
        public int size() {
            return values.length;
        }

        /** The slot's histogram, null for a float (or omitted) slot. */
        public FloatHistogram histogram(int i) {
            return histograms == null ? null : histograms[i];
        }
    }

    /** Prometheus's {@code ParseMetric}: {@code name{a="b"}}, {@code {a="b"}}, {@code name}, or "" (no labels). */
    public static LinkedHashMap<String, String> parseMetric(String text) {
        return parseMetric(text, PromqlProfile.V2_42);
    }

    /** {@link #parseMetric(String)} as the profile's Prometheus reads it (3.x: {@code {"my.metric", "a.b"="c"}}). */
    public static LinkedHashMap<String, String> parseMetric(String text, PromqlProfile profile) {
        Parser p = new Parser(text, false, profile.isPrometheus3());
        try {
            LinkedHashMap<String, String> labels = p.metric();
            p.expectEnd();
            return labels;
        } catch (QueryError e) {
            throw p.exception(e);
        }
    }

    /** {@code metric} and {@code values} as written in promtool's {@code input_series}. */
    public static SeriesDescription parseSeries(String metric, String values) {
        return parseSeriesLine(metric + " " + values);
    }

    /** One {@code <metric> <values>} line of a {@code load} block. */
    public static SeriesDescription parseSeriesLine(String line) {
        return parseSeriesLine(line, PromqlProfile.V2_42);
    }

    /** {@link #parseSeriesLine(String)} as the profile's Prometheus reads it (3.x: quoted label names). */
    public static SeriesDescription parseSeriesLine(String line, PromqlProfile profile) {
        Parser p = new Parser(line, true, profile.isPrometheus3());
        p.nativeHistograms = profile.nativeHistogramNotation();
        try {
            Map<String, String> labels = p.metric();
            return p.values(labels);
        } catch (QueryError e) {
            throw p.exception(e);
        }
    }

    private enum Kind { WORD, NUMBER, STRING, LEFT_BRACE, RIGHT_BRACE, COMMA, EQL, SPACE, ADD, SUB, TIMES, BLANK,
        OPEN_HIST, CLOSE_HIST, COLON, LEFT_BRACKET, RIGHT_BRACKET, OTHER, EOF }

    /** Scanner and parser in one: the notation is small and the scanner's mode follows the parse position. */
    private static final class Parser {
        private final String in;
        private final boolean series;
        /** Prometheus 3's label_set_item: quoted label names, and a quoted name alone for the metric name. */
        private final boolean quotedNames;
        private int pos;
        private Kind kind;
        private int start;
        private double[] values = new double[16];
        private final BitSet omitted = new BitSet();
        private int count;
        /** Whether {@code {{...}}} values are read (Prometheus 3); null-until-needed slots for them. */
        private boolean nativeHistograms;
        private FloatHistogram[] histograms;
        private final BitSet hintGiven = new BitSet();
        /** Label names given more than once in the label set. */
        private final TreeSet<String> repeatedNames = new TreeSet<>();
        /** Whether the histogram description last read named a counter reset hint. */
        private boolean lastHintGiven;

        Parser(String in, boolean series, boolean quotedNames) {
            this.in = in;
            this.series = series;
            this.quotedNames = quotedNames;
        }

        LinkedHashMap<String, String> metric() {
            Map<String, String> labels = new TreeMap<>();
            String name = null;
            skipSpaces();
            if (pos < in.length() && (isAlpha(in.charAt(pos)) || in.charAt(pos) == ':')) {
                start = pos;
                while (pos < in.length() && (isAlphaNumeric(in.charAt(pos)) || in.charAt(pos) == ':')) {
                    pos++;
                }
                name = in.substring(start, pos);
                String lower = name.toLowerCase(Locale.ROOT);
                if (isKeyword(lower) && !METRIC_KEYWORDS.contains(lower)) {
                    kind = lower.equals("inf") || lower.equals("nan") ? Kind.NUMBER : Kind.WORD;
                    throw unexpected(series ? " in series values" : "");
                }
                if (!series) {
                    skipSpacesAndComments();
                }
            } else {
                skipSpacesAndComments();
            }
            if (pos < in.length() && in.charAt(pos) == '{') {
                pos++;
                labelSet(labels);
            }
            if (name != null) {
                // The name before the braces replaces a __name__ label inside them (the grammar's metric rule).
                labels.put("__name__", name);
                repeatedNames.remove("__name__");
            }
            return new LinkedHashMap<>(labels);
        }

        private void labelSet(Map<String, String> labels) {
            while (true) {
                braceToken();
                if (kind == Kind.RIGHT_BRACE) {
                    return;
                }
                boolean quoted = quotedNames && kind == Kind.STRING;
                if (kind != Kind.WORD && !quoted) {
                    throw unexpected(" in label set, expected identifier or \"}\"");
                }
                String name = quoted ? StringLiterals.unquote(in.substring(start, pos)) : in.substring(start, pos);
                braceToken();
                if (quoted && (kind == Kind.COMMA || kind == Kind.RIGHT_BRACE)) {
                    putLabel(labels, "__name__", name);
                    if (kind == Kind.RIGHT_BRACE) {
                        return;
                    }
                    continue;
                }
                if (kind != Kind.EQL) {
                    throw unexpected(" in label set, expected \"=\"");
                }
                braceToken();
                if (kind != Kind.STRING) {
                    throw unexpected(" in label set, expected string");
                }
                putLabel(labels, name, StringLiterals.unquote(in.substring(start, pos)));
                braceToken();
                if (kind == Kind.RIGHT_BRACE) {
                    return;
                }
                if (kind != Kind.COMMA) {
                    throw unexpected(" in label set, expected \",\" or \"}\"");
                }
            }
        }

        private void putLabel(Map<String, String> labels, String name, String value) {
            if (labels.put(name, value) != null) {
                repeatedNames.add(name);
            }
        }

        /** lex.go's lexInsideBraces. */
        private void braceToken() {
            skipSpacesAndComments();
            start = pos;
            if (pos >= in.length()) {
                throw new QueryError(pos, pos, "unexpected end of input inside braces");
            }
            char c = in.charAt(pos++);
            if (isAlpha(c)) {
                while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
                    pos++;
                }
                kind = Kind.WORD;
            } else if (c == ',') {
                kind = Kind.COMMA;
            } else if (c == '}') {
                kind = Kind.RIGHT_BRACE;
            } else if (c == '"' || c == '\'' || c == '`') {
                string(c);
            } else if (c == '=') {
                if (pos < in.length() && in.charAt(pos) == '~') {
                    pos++;
                    kind = Kind.OTHER;
                } else {
                    kind = Kind.EQL;
                }
            } else if (c == '!') {
                if (pos < in.length() && (in.charAt(pos) == '~' || in.charAt(pos) == '=')) {
                    pos++;
                    kind = Kind.OTHER;
                } else {
                    String next = pos < in.length() ? GoQuote.quoteRune(in.codePointAt(pos), false) : "'\uFFFD'";
                    throw new QueryError(start, start + 1, "unexpected character after '!' inside braces: " + next);
                }
            } else if (c == '{') {
                throw new QueryError(start, start + 1, "unexpected left brace '{'");
            } else {
                throw new QueryError(start, start + 1,
                        "unexpected character inside braces: " + GoQuote.quoteRune(in.codePointAt(start), false));
            }
        }

        private void string(char quote) {
            String problem = StringLiterals.literalError(in, start);
            if (problem != null) {
                throw new QueryError(start, in.length(), problem);
            }
            // Closed and valid: find the closing quote, skipping escaped characters.
            while (in.charAt(pos) != quote) {
                pos += in.charAt(pos) == '\\' && quote != '`' ? 2 : 1;
            }
            pos++;
            kind = Kind.STRING;
        }

        void expectEnd() {
            skipSpacesAndComments();
            if (pos >= in.length()) {
                return;
            }
            start = pos;
            char c = in.charAt(pos);
            if (isAlpha(c) || c == ':') {
                while (pos < in.length() && (isAlphaNumeric(in.charAt(pos)) || in.charAt(pos) == ':')) {
                    pos++;
                }
                kind = Kind.WORD;
            } else if (isDigit(c)) {
                scanNumber();
            } else {
                pos++;
                kind = Kind.OTHER;
            }
            throw unexpected("");
        }

        SeriesDescription values(Map<String, String> labels) {
            valueToken();
            boolean afterItem = false;
            while (kind != Kind.EOF) {
                if (kind != Kind.SPACE) {
                    // goyacc names the context only before the first item.
                    throw unexpected(afterItem ? "" : " in series values");
                }
                valueToken();
                afterItem = kind != Kind.EOF && kind != Kind.SPACE;
                if (afterItem) {
                    item();
                }
            }
            return new SeriesDescription(labels, Arrays.copyOf(values, count), omitted,
                    histograms == null ? null : Arrays.copyOf(histograms, count), hintGiven,
                    repeatedNames.isEmpty() ? null : repeatedNames.first());
        }

        private void item() {
            if (kind == Kind.BLANK) {
                valueToken();
                if (kind == Kind.TIMES) {
                    long n = repetitions();
                    reserve(n);
                    omitted.set(count, (int) (count + n));
                    count += (int) n;
                    valueToken();
                } else {
                    reserve(1);
                    omitted.set(count++);
                }
                return;
            }
            if (kind == Kind.OPEN_HIST) {
                histogramItem();
                return;
            }
            double value = seriesValue();
            valueToken();
            if (kind == Kind.TIMES) {
                long n = repetitions();
                reserve(n + 1);
                Arrays.fill(values, count, (int) (count + n + 1), value);
                count += (int) (n + 1);
                valueToken();
            } else if (kind == Kind.ADD || kind == Kind.SUB) {
                double step = signedNumber();
                valueToken();
                if (kind != Kind.TIMES) {
                    throw unexpected(" in series values");
                }
                long n = repetitions();
                reserve(n + 1);
                values[count++] = value;
                for (long i = 1; i <= n; i++) {
                    // Repeated addition, not value + i*step: float rounding must match Prometheus.
                    value += step;
                    values[count++] = value;
                }
                valueToken();
            } else {
                reserve(1);
                values[count++] = value;
            }
        }

        private double seriesValue() {
            if (kind == Kind.WORD) {
                String word = in.substring(start, pos);
                if (isKeyword(word.toLowerCase(Locale.ROOT))) {
                    throw unexpected("");
                }
                if (!word.equals("stale")) {
                    throw unexpected(" in series values, expected number or \"stale\"");
                }
                return STALE_NAN;
            }
            if (kind == Kind.ADD || kind == Kind.SUB) {
                return signedNumber();
            }
            if (kind != Kind.NUMBER) {
                throw unexpected("");
            }
            return number();
        }

        private double signedNumber() {
            boolean negative = kind == Kind.SUB;
            valueToken();
            if (kind != Kind.NUMBER) {
                throw unexpected(" in series values");
            }
            double n = number();
            return negative ? -n : n;
        }

        private double number() {
            try {
                return NumberSyntax.parse(in.substring(start, pos));
            } catch (IllegalArgumentException e) {
                throw new QueryError(start, pos, "error parsing number: " + e.getMessage());
            }
        }

        /** The count after 'x': strconv.ParseUint(s, 10, 64). */
        private long repetitions() {
            valueToken();
            if (kind != Kind.NUMBER) {
                throw unexpected(" in series values");
            }
            String text = in.substring(start, pos);
            if (!text.chars().allMatch(Parser::isDigit)) {
                throw new QueryError(start, pos, "invalid repetition in series values: strconv.ParseUint: parsing "
                        + GoQuote.quote(text) + ": invalid syntax");
            }
            if (new java.math.BigInteger(text).bitLength() > 64) {
                throw new QueryError(start, pos, "invalid repetition in series values: strconv.ParseUint: parsing "
                        + GoQuote.quote(text) + ": value out of range");
            }
            if (text.length() > 19 || Long.parseLong(text) >= MAX_VALUES) {
                throw new QueryError(start, pos, "too many values in series description: " + text
                        + " repetitions, more than one series holds (" + MAX_VALUES + ")");
            }
            return Long.parseLong(text);
        }

        /**
         * Room for {@code extra} more slots. Prometheus has no cap; sloc expands what the heap allows and, before
         * allocating, refuses an expansion whose estimated size exceeds the heap left.
         */
        private void reserve(long extra) {
            long needed = count + extra;
            if (needed > MAX_VALUES) {
                throw new QueryError(start, pos, "too many values in series description: " + needed
                        + ", more than one series holds (" + MAX_VALUES + ")");
            }
            if (needed > values.length) {
                requireHeapFor(needed);
                values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, Math.max(needed, values.length * 2L)));
                if (histograms != null) {
                    histograms = Arrays.copyOf(histograms, values.length);
                }
            }
        }

        private void requireHeapFor(long slots) {
            long bytes = slots * BYTES_PER_VALUE;
            if (bytes <= heapLeft()) {
                return;
            }
            // Garbage counts as used until collected: collect once before refusing.
            System.gc();
            long left = heapLeft();
            if (bytes > left) {
                throw new QueryError(start, pos, String.format(Locale.ROOT,
                        "series description of %d values needs about %d MiB, more than the %d MiB of memory left "
                                + "(give Java more heap, e.g. SLOC_JAVA_OPTS=-Xmx%dg)",
                        slots, bytes >> 20, left >> 20, Math.max(2, 2 * ((bytes >> 30) + 1))));
            }
        }

        /** {@code {{...}}}, {@code {{...}}xN}, or {@code {{...}}+{{...}}xN} / {@code -}: the base and N increments. */
        private void histogramItem() {
            FloatHistogram base = histogram();
            boolean baseHint = lastHintGiven;
            valueToken();
            if (kind == Kind.TIMES) {
                long n = repetitions();
                for (long i = 0; i <= n; i++) {
                    addHistogram(base, baseHint);
                }
                valueToken();
            } else if (kind == Kind.ADD || kind == Kind.SUB) {
                boolean subtract = kind == Kind.SUB;
                valueToken();
                if (kind != Kind.OPEN_HIST) {
                    throw unexpected(" in series values");
                }
                FloatHistogram increment = histogram();
                boolean hint = lastHintGiven;
                valueToken();
                if (kind != Kind.TIMES) {
                    throw unexpected(" in series values");
                }
                int errorStart = start;
                long n = repetitions();
                addHistogram(base, hint);
                FloatHistogram current = base;
                for (long i = 1; i <= n; i++) {
                    if (current.schema() > increment.schema()) {
                        throw new QueryError(errorStart, pos, "error combining histograms: cannot merge from schema "
                                + increment.schema() + " to " + current.schema());
                    }
                    try {
                        current = subtract ? current.sub(increment).histogram() : current.add(increment).histogram();
                    } catch (HistogramException e) {
                        throw new QueryError(errorStart, pos, e.getMessage());
                    }
                    addHistogram(current, hint);
                }
                valueToken();
            } else {
                addHistogram(base, baseHint);
            }
        }

        private void addHistogram(FloatHistogram h, boolean hint) {
            reserve(1);
            if (histograms == null) {
                histograms = new FloatHistogram[values.length];
            }
            hintGiven.set(count, hint);
            histograms[count++] = h;
        }

        /** One {@code {{key:value ...}}} description, its {@code {{} already read (lex.go's lexHistogram). */
        private FloatHistogram histogram() {
            Map<String, Object> desc = new LinkedHashMap<>();
            while (true) {
                histogramToken();
                if (kind == Kind.SPACE) {
                    continue;
                }
                if (kind == Kind.CLOSE_HIST) {
                    break;
                }
                if (kind != Kind.WORD || !HISTOGRAM_KEYS.contains(in.substring(start, pos).toLowerCase(Locale.ROOT))) {
                    throw unexpected(" in histogram description, expected histogram description key, "
                            + "e.g. buckets:[5 10 7]");
                }
                String key = in.substring(start, pos).toLowerCase(Locale.ROOT);
                histogramToken(); // the colon the scanner checked
                Object value = histogramValue(key);
                if (desc.containsKey(key)) {
                    throw new QueryError(start, pos, "duplicate key \"" + key + "\" in histogram");
                }
                desc.put(key, value);
            }
            return build(desc);
        }

        private Object histogramValue(String key) {
            switch (key) {
                case "schema", "offset", "n_offset" -> {
                    histogramToken();
                    boolean negative = kind == Kind.SUB;
                    if (negative) {
                        histogramToken();
                    }
                    if (kind != Kind.NUMBER || !in.substring(start, pos).chars().allMatch(Parser::isDigit)) {
                        throw unexpected(" in histogram description");
                    }
                    long v = Long.parseLong(in.substring(start, pos));
                    return (int) (negative ? -v : v);
                }
                case "buckets", "n_buckets", "custom_values" -> {
                    histogramToken();
                    if (kind != Kind.LEFT_BRACKET) {
                        throw unexpected(" in histogram description");
                    }
                    double[] list = new double[4];
                    int n = 0;
                    while (true) {
                        bucketToken();
                        if (kind == Kind.SPACE) {
                            continue;
                        }
                        if (kind == Kind.RIGHT_BRACKET && n > 0) {
                            return Arrays.copyOf(list, n);
                        }
                        boolean negative = kind == Kind.SUB;
                        if (kind == Kind.ADD || negative) {
                            bucketToken();
                        }
                        if (kind != Kind.NUMBER) {
                            throw unexpected(" in histogram description");
                        }
                        if (n == list.length) {
                            list = Arrays.copyOf(list, n * 2);
                        }
                        list[n++] = negative ? -number() : number();
                    }
                }
                case "counter_reset_hint" -> {
                    histogramToken();
                    String word = kind == Kind.WORD ? in.substring(start, pos).toLowerCase(Locale.ROOT) : "";
                    CounterResetHint hint = switch (word) {
                        case "unknown" -> CounterResetHint.UNKNOWN;
                        case "reset" -> CounterResetHint.COUNTER_RESET;
                        case "not_reset" -> CounterResetHint.NOT_COUNTER_RESET;
                        case "gauge" -> CounterResetHint.GAUGE;
                        default -> throw unexpected(" in histogram description");
                    };
                    return hint;
                }
                default -> {
                    histogramToken();
                    boolean negative = kind == Kind.SUB;
                    if ((kind == Kind.ADD || negative) && !key.equals("z_bucket_w")) {
                        histogramToken();
                    }
                    if (kind != Kind.NUMBER) {
                        throw unexpected(" in histogram description");
                    }
                    return negative ? -number() : number();
                }
            }
        }

        private FloatHistogram build(Map<String, Object> desc) {
            lastHintGiven = desc.containsKey("counter_reset_hint");
            FloatHistogram.Builder b = FloatHistogram.builder()
                    .schema((int) desc.getOrDefault("schema", 0))
                    .sum((double) desc.getOrDefault("sum", 0.0))
                    .count((double) desc.getOrDefault("count", 0.0))
                    .zeroCount((double) desc.getOrDefault("z_bucket", 0.0))
                    .zeroThreshold((double) desc.getOrDefault("z_bucket_w", 0.0))
                    .counterResetHint((CounterResetHint) desc.getOrDefault("counter_reset_hint",
                            CounterResetHint.UNKNOWN));
            if (desc.containsKey("custom_values")) {
                b.customValues((double[]) desc.get("custom_values"));
            }
            double[] positive = (double[]) desc.getOrDefault("buckets", new double[0]);
            double[] negative = (double[]) desc.getOrDefault("n_buckets", new double[0]);
            return b.positive(oneSpan(positive, (int) desc.getOrDefault("offset", 0)), positive)
                    .negative(oneSpan(negative, (int) desc.getOrDefault("n_offset", 0)), negative)
                    .build();
        }

        private static Span[] oneSpan(double[] buckets, int offset) {
            return buckets.length == 0 ? new Span[0] : new Span[] {new Span(offset, buckets.length)};
        }

        /** lex.go's lexHistogram (outside brackets). */
        private void histogramToken() {
            start = pos;
            if (pos >= in.length()) {
                throw new QueryError(start, pos, "histogram description incomplete unexpected: EOF");
            }
            char c = in.charAt(pos++);
            if (isSpace(c)) {
                skipSpaces();
                kind = Kind.SPACE;
            } else if (isAlpha(c)) {
                while (pos < in.length() && isAlpha(in.charAt(pos))) {
                    pos++;
                }
                String word = in.substring(start, pos).toLowerCase(Locale.ROOT);
                if (HISTOGRAM_KEYS.contains(word) && (pos >= in.length() || in.charAt(pos) != ':')) {
                    throw new QueryError(start, pos, "missing `:` for histogram descriptor");
                }
                kind = word.equals("inf") || word.equals("nan") ? Kind.NUMBER : Kind.WORD;
                if (!HISTOGRAM_KEYS.contains(word) && kind == Kind.WORD && !COUNTER_RESET_HINTS.contains(word)) {
                    throw new QueryError(start, pos, "bad histogram descriptor found: " + GoQuote.quote(
                            in.substring(start, pos)));
                }
            } else if (c == ':') {
                kind = Kind.COLON;
            } else if (c == '-') {
                kind = Kind.SUB;
            } else if (isDigit(c)) {
                pos--;
                scanNumber();
            } else if (c == '[') {
                kind = Kind.LEFT_BRACKET;
            } else if (c == '}' && pos < in.length() && in.charAt(pos) == '}') {
                pos++;
                kind = Kind.CLOSE_HIST;
            } else {
                throw new QueryError(start, pos, "histogram description incomplete unexpected: "
                        + GoQuote.quoteRune(c, false));
            }
        }

        /** lex.go's lexBuckets. */
        private void bucketToken() {
            start = pos;
            if (pos >= in.length()) {
                throw new QueryError(start, pos, "invalid character in buckets description: EOF");
            }
            char c = in.charAt(pos++);
            if (isSpace(c)) {
                skipSpaces();
                kind = Kind.SPACE;
            } else if (c == '-') {
                kind = Kind.SUB;
            } else if (c == '+') {
                kind = Kind.ADD;
            } else if (isDigit(c) || c == '.') {
                pos--;
                scanNumber();
            } else if (c == ']') {
                kind = Kind.RIGHT_BRACKET;
            } else if (isAlpha(c)) {
                while (pos < in.length() && isAlpha(in.charAt(pos))) {
                    pos++;
                }
                String word = in.substring(start, pos).toLowerCase(Locale.ROOT);
                kind = word.equals("inf") || word.equals("nan") ? Kind.NUMBER : Kind.WORD;
            } else {
                throw new QueryError(start, pos, "invalid character in buckets description: "
                        + GoQuote.quoteRune(c, false));
            }
        }

        /** lex.go's lexValueSequence. */
        private void valueToken() {
            start = pos;
            if (pos >= in.length()) {
                kind = Kind.EOF;
                return;
            }
            char c = in.charAt(pos++);
            if (isSpace(c)) {
                while (pos < in.length() && isSpace(in.charAt(pos))) {
                    pos++;
                }
                kind = Kind.SPACE;
            } else if (c == '+') {
                kind = Kind.ADD;
            } else if (c == '-') {
                kind = Kind.SUB;
            } else if (c == 'x') {
                kind = Kind.TIMES;
            } else if (c == '_') {
                kind = Kind.BLANK;
            } else if (c == '{' && nativeHistograms && pos < in.length() && in.charAt(pos) == '{') {
                pos++;
                kind = Kind.OPEN_HIST;
            } else if (isDigit(c) || (c == '.' && pos < in.length() && isDigit(in.charAt(pos)))) {
                pos--;
                scanNumber();
            } else if (isAlpha(c)) {
                while (pos < in.length() && (isAlphaNumeric(in.charAt(pos)) || in.charAt(pos) == ':')) {
                    pos++;
                }
                String lower = in.substring(start, pos).toLowerCase(Locale.ROOT);
                kind = lower.equals("inf") || lower.equals("nan") ? Kind.NUMBER : Kind.WORD;
            } else {
                throw new QueryError(start, pos,
                        "unexpected character in series sequence: " + GoQuote.quoteRune(in.codePointAt(start), false));
            }
        }

        /** lex.go's scanNumber in series mode: no hex, and an 'x' may follow. */
        private void scanNumber() {
            acceptDigits();
            if (pos < in.length() && in.charAt(pos) == '.') {
                pos++;
                acceptDigits();
            }
            if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
                pos++;
                if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                    pos++;
                }
                acceptDigits();
            }
            if (pos < in.length() && in.charAt(pos) != 'x' && isAlphaNumeric(in.charAt(pos))) {
                throw new QueryError(start, pos, "bad number syntax: " + GoQuote.quote(in.substring(start, pos)));
            }
            kind = Kind.NUMBER;
        }

        private void acceptDigits() {
            while (pos < in.length() && isDigit(in.charAt(pos))) {
                pos++;
            }
        }

        private void skipSpaces() {
            while (pos < in.length() && isSpace(in.charAt(pos))) {
                pos++;
            }
        }

        private void skipSpacesAndComments() {
            skipSpaces();
            while (pos < in.length() && in.charAt(pos) == '#') {
                while (pos < in.length() && in.charAt(pos) != '\n' && in.charAt(pos) != '\r') {
                    pos++;
                }
                skipSpaces();
            }
        }

        private QueryError unexpected(String where) {
            String text = in.substring(start, Math.max(start, pos));
            String desc;
            switch (kind) {
                case EOF: desc = "end of input"; break;
                case WORD: desc = describeWord(text); break;
                case NUMBER: desc = "number " + GoQuote.quote(text); break;
                case STRING: desc = "string " + (text.length() > 10 ? GoQuote.quotePrefix(text, 10) + "..." : GoQuote.quote(text)); break;
                case ADD: case SUB: desc = "<op:" + text + ">"; break;
                case EQL: case COMMA: case LEFT_BRACE: case RIGHT_BRACE: case TIMES: case BLANK: desc = GoQuote.quote(text); break;
                case SPACE: desc = GoQuote.quote(text); break;
                default: desc = text.startsWith("=") || text.startsWith("!") ? "<op:" + text + ">" : GoQuote.quote(text);
            }
            return new QueryError(start, pos, "unexpected " + desc + where);
        }

        private static String describeWord(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (Set.of("bool", "by", "group_left", "group_right", "ignoring", "offset", "on", "without").contains(lower)) {
                return "<" + word + ">";
            }
            if (Set.of("sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk",
                    "count_values", "quantile").contains(lower)) {
                return "<aggr:" + word + ">";
            }
            if (Set.of("and", "or", "unless", "atan2").contains(lower)) {
                return "<op:" + word + ">";
            }
            if (lower.equals("start") || lower.equals("end")) {
                return GoQuote.quote(word);
            }
            return (word.indexOf(':') >= 0 ? "metric identifier " : "identifier ") + GoQuote.quote(word);
        }

        private static boolean isKeyword(String lower) {
            return METRIC_KEYWORDS.contains(lower) || Set.of("bool", "on", "ignoring", "group_left", "group_right",
                    "atan2", "inf", "nan").contains(lower);
        }

        PromqlParseException exception(QueryError e) {
            return PromqlParser.exception(in, series ? SERIES : new SourceLocation("<metric>", 1, 1), e.start(), e.end(),
                    e.getMessage());
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        private static boolean isAlpha(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAlphaNumeric(char c) {
            return isAlpha(c) || isDigit(c);
        }

        /** An ASCII digit: Go's lexer knows no others (Java's Character.isDigit also takes '१' and '１'). */
        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }
    }
}
