package io.sloc.promql.parser;

import java.util.List;
import java.util.Random;

/** Random query text: sequences of PromQL tokens, and corpus expressions with random edits. */
final class RandomQueries {
    private static final String[] VOCABULARY = {"foo", "bar", "sum", "rate", "by", "without", "on", "ignoring",
        "group_left", "group_right", "bool", "offset", "@", "start()", "end()", "(", ")", "(", ")", "{", "}", "[",
        "]", ",", ":", "5m", "1h", "0s", "1", "2.5", "-", "+", "*", "/", "%", "^", "==", "!=", "<", ">=", "and",
        "or", "unless", "atan2", "\"a\"", "'b'", "a=\"b\"", "job=~\"x.*\"", "topk", "count_values", "quantile",
        "histogram_quantile", "label_replace", "time()", "vector", "scalar", "abs", "Inf", "NaN", "0x1F", "1e3",
        "x", "le", "#c\n", "=", "=~", "!", "~", "`r`", "1.5m", "010"};
    private static final String EDITS = "()[]{},:\"'=~!@+-#`.";

    private final Random random;
    private final List<String> corpus;

    RandomQueries(long seed, List<String> corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    String next() {
        return random.nextBoolean() || corpus.isEmpty() ? tokens() : mutated();
    }

    private String tokens() {
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return out.toString();
    }

    private String mutated() {
        String s = corpus.get(random.nextInt(corpus.size()));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int pos = random.nextInt(s.length() + 1);
            double op = random.nextDouble();
            if (op < 0.4 && s.length() > 1) {
                s = s.substring(0, Math.min(pos, s.length() - 1)) + s.substring(Math.min(pos, s.length() - 1) + 1);
            } else if (op < 0.8) {
                s = s.substring(0, pos) + VOCABULARY[random.nextInt(VOCABULARY.length)] + s.substring(pos);
            } else {
                s = s.substring(0, pos) + EDITS.charAt(random.nextInt(EDITS.length())) + s.substring(pos);
            }
        }
        return s;
    }
}
