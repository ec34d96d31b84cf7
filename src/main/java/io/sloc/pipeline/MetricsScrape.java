package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names of a scrape saved in the Prometheus text exposition format (or OpenMetrics), as in
 * {@code curl -s host:port/metrics > scrape.prom}: every sample's name ({@code http_requests_total},
 * {@code latency_seconds_bucket}), and every {@code # TYPE} family with the series its type implies (a histogram's
 * {@code _bucket}, {@code _sum} and {@code _count}, a summary's {@code _sum} and {@code _count}), so that a family
 * scraped without samples still counts. Names may be quoted (Prometheus 3's UTF-8 names: {@code {"my.metric"}}).
 * Only names are read; a line that starts with neither a comment nor a metric name is bad input (a saved error page,
 * say), located.
 */
final class MetricsScrape {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TYPE = Pattern.compile("#\\s+TYPE\\s+(\\S+|\"(?:[^\"\\\\]|\\\\.)*\")\\s+(\\S+).*");
    private static final Map<String, List<String>> SERIES_OF_TYPE = Map.of(
            "histogram", List.of("_bucket", "_sum", "_count"),
            "gaugehistogram", List.of("_bucket", "_gsum", "_gcount"),
            "summary", List.of("_sum", "_count"));

    private MetricsScrape() {
    }

    /** The metric names in {@code file}. */
    static Set<String> names(Path file) {
        try {
            return names(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw FileFailure.of(file, "read it", e);
        }
    }

    /** The metric names in the exposition {@code text}; {@code source} names it in messages. */
    static Set<String> names(String text, String source) {
        Set<String> names = new TreeSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    String family = unquoted(type.group(1));
                    names.add(family);
                    SERIES_OF_TYPE.getOrDefault(type.group(2), List.of()).forEach(suffix -> names.add(family + suffix));
                }
                continue;
            }
            names.add(sampleName(line, new SourceLocation(source, i + 1, 1 + lines[i].indexOf(line.charAt(0)))));
        }
        return names;
    }

    /** {@code name{labels} value}, {@code name value} or {@code {"name", labels} value}. */
    private static String sampleName(String line, SourceLocation at) {
        Matcher name = NAME.matcher(line);
        if (name.lookingAt() && name.end() < line.length() && " \t{".indexOf(line.charAt(name.end())) >= 0) {
            return name.group();
        }
        Matcher quoted = QUOTED.matcher(line);
        if (line.startsWith("{") && quoted.find(1) && line.substring(1, quoted.start()).isBlank()
                && line.substring(quoted.end()).matches("\\s*[,}].*")) {
            return unquoted(quoted.group());
        }
        throw new BadInputException(at, "not a Prometheus text-exposition sample: expected a metric name, "
                + "then labels or a value (save a scrape with `curl -s HOST:PORT/metrics > FILE`)");
    }

    /** A name as written, or a quoted one with its escapes ({@code \\}, {@code \"}, {@code \n}) undone. */
    private static String unquoted(String name) {
        if (!name.startsWith("\"")) {
            return name;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                c = name.charAt(++i);
                plain.append(c == 'n' ? '\n' : c);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
