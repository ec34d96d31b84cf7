package io.sloc.promql.parser;

import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Prometheus 2.42 PromQL test scripts of ../shared: their eval expressions and load lines. */
final class Corpus {
    /** promql/test.go's pattern for eval commands. */
    private static final Pattern EVAL =
            Pattern.compile("^eval(?:_(fail|ordered))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");

    private Corpus() {
    }

    static List<Path> scripts() {
        Path dir = Shared.require("conformance/prometheus-2.42/promql");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".test")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path script) {
        try {
            return Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every expression of an {@code eval} command. */
    static List<String> evalExpressions() {
        List<String> exprs = new ArrayList<>();
        for (Path script : scripts()) {
            for (String line : lines(script)) {
                Matcher m = EVAL.matcher(line.trim());
                if (m.matches()) {
                    exprs.add(m.group(3));
                }
            }
        }
        return exprs;
    }

    /** Series lines of {@code load} blocks and expected-result lines: everything that follows a command line. */
    static List<String> seriesLines() {
        List<String> series = new ArrayList<>();
        for (Path script : scripts()) {
            boolean inBlock = false;
            for (String raw : lines(script)) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    inBlock = false;
                } else if (line.startsWith("load") || line.startsWith("eval")) {
                    inBlock = true;
                } else if (line.equals("clear")) {
                    inBlock = false;
                } else if (inBlock && !isNumber(line)) {
                    series.add(line);
                }
            }
        }
        return series;
    }

    /** test.go's check for a scalar expectation: strconv.ParseInt(s, 0, 64), else ParseFloat. */
    private static boolean isNumber(String line) {
        String unsigned = line.startsWith("+") || line.startsWith("-") ? line.substring(1) : line;
        try {
            NumberSyntax.parse(unsigned);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
