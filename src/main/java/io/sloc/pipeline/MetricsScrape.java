package io.sloc.pipeline;

import io.sloc.check.lint.Scrape;
import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.value.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape saved in the Prometheus text exposition format (or OpenMetrics), as in
 * {@code curl -s host:port/metrics > scrape.prom}: every sample's series ({@code http_requests_total{code="200"}},
 * {@code latency_seconds_bucket{le="0.1"}}), and the names of every {@code # TYPE} family with the series its type
 * implies (a histogram's {@code _bucket}, {@code _sum} and {@code _count}, a summary's {@code _sum} and
 * {@code _count}), so that a family scraped without samples still counts. Names may be quoted (Prometheus 3's UTF-8
 * names: {@code {"my.metric"}}). Values, timestamps and exemplars are not read; a line that starts with neither a
 * comment nor a series is bad input (a saved error page, say), located.
 */
final class MetricsScrape {
    private static final Pattern TYPE = Pattern.compile("#\\s+TYPE\\s+(\\S+|\"(?:[^\"\\\\]|\\\\.)*\")\\s+(\\S+).*");
    private static final Map<String, List<String>> SERIES_OF_TYPE = Map.of(
            "histogram", List.of("_bucket", "_sum", "_count"),
            "gaugehistogram", List.of("_bucket", "_gsum", "_gcount"),
            "summary", List.of("_sum", "_count"));

    private MetricsScrape() {
    }

    /** What {@code files} show, together. */
    static Scrape read(List<Path> files) {
        Set<String> names = new TreeSet<>();
        List<Labels> series = new ArrayList<>();
        for (Path file : files) {
            Scrape one = read(file);
            names.addAll(one.names());
            series.addAll(one.series());
        }
        return new Scrape(String.join(", ", files.stream().map(Path::toString).toList()), names, series);
    }

    private static Scrape read(Path file) {
        try {
            return read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw FileFailure.of(file, "read it", e);
        }
    }

    /** What the exposition {@code text} shows; {@code source} names it in messages. */
    static Scrape read(String text, String source) {
        Set<String> names = new TreeSet<>();
        List<Labels> series = new ArrayList<>();
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
            Labels sample = sampleSeries(line, new SourceLocation(source, i + 1, 1 + lines[i].indexOf(line.charAt(0))));
            names.add(sample.metricName());
            series.add(sample);
        }
        return new Scrape(source, names, series);
    }

    /** The series of {@code name{labels} value}, {@code name value} or {@code {"name", labels} value}. */
    private static Labels sampleSeries(String line, SourceLocation at) {
        int end = seriesEnd(line);
        if (end > 0 && end < line.length() && Character.isWhitespace(line.charAt(end))) {
            try {
                Map<String, String> labels =
                        SeriesDescriptions.parseMetric(line.substring(0, end), PromqlProfile.V3_14);
                if (labels.containsKey(Labels.METRIC_NAME)) {
                    return Labels.of(labels);
                }
            } catch (PromqlParseException e) {
                // reported below, as the line as a whole is no sample
            }
        }
        throw new BadInputException(at, "not a Prometheus text-exposition sample: expected a metric name, "
                + "then labels or a value (save a scrape with `curl -s HOST:PORT/metrics > FILE`)");
    }

    /** Where the series text ends: after its closing brace (outside quotes) when it has labels, else at a blank. */
    private static int seriesEnd(String line) {
        int blank = 0;
        while (blank < line.length() && !Character.isWhitespace(line.charAt(blank))) {
            blank++;
        }
        int brace = line.indexOf('{');
        if (brace < 0 || brace > blank) {
            return blank;
        }
        boolean quoted = false;
        for (int i = brace + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '}') {
                return i + 1;
            }
        }
        return -1;
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
