package io.sloc.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.storage.StorageException;
import io.sloc.promql.value.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded series to replay ({@code sloc report --history}): a Prometheus query result of type matrix as the HTTP
 * API returns it ({@code /api/v1/query_range}, saved with curl), or the text {@code promtool tsdb dump} prints,
 * one {@code {labels} value timestamp_ms} line per sample.
 */
public record History(String name, List<Series> series) {
    /** One series' samples, oldest first. */
    public record Series(Map<String, String> labels, List<Long> timestampsMs, List<Double> values) {
    }

    public History {
        series = List.copyOf(series);
    }

    /** Reads {@code file}, telling the two formats apart by how they begin: a JSON object's first key. */
    public static History read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.toString();
        String start = text.stripLeading();
        String firstKey = start.startsWith("{") ? start.substring(1).stripLeading() : "";
        return firstKey.startsWith("\"status\"") || firstKey.startsWith("\"data\"") ? fromJson(name, text)
                : fromDump(name, text);
    }

    private static History fromJson(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(new SourceLocation(name, e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()), "not JSON: " + e.getOriginalMessage());
        }
        JsonNode data = root.path("data");
        if (!data.path("resultType").asText().equals("matrix")) {
            throw new BadInputException(new SourceLocation(name, 1, 1), "expected a Prometheus query result of "
                    + "resultType matrix (from /api/v1/query_range), found " + (data.has("resultType")
                    ? "resultType " + data.path("resultType").asText() : "no data.resultType"));
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode result : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (JsonNode point : result.path("values")) {
                times.add(new BigDecimal(point.get(0).asText()).movePointRight(3).longValue());
                values.add(Double.parseDouble(point.get(1).asText()));
            }
            series.add(new Series(labels, times, values));
        }
        return new History(name, series);
    }

    private static History fromDump(String name, String text) {
        Map<Map<String, String>, Series> series = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String[] rest = close < 0 ? new String[0] : line.substring(close + 1).strip().split("\\s+");
            if (!line.startsWith("{") || rest.length != 2) {
                throw new BadInputException(new SourceLocation(name, i + 1, 1), "expected `{labels} value "
                        + "timestamp_ms` (promtool tsdb dump) or a query_range JSON result");
            }
            Map<String, String> labels;
            try {
                labels = new TreeMap<>(SeriesDescriptions.parseMetric(line.substring(0, close + 1),
                        PromqlProfile.V3_14));
                Series s = series.computeIfAbsent(labels, l -> new Series(l, new ArrayList<>(), new ArrayList<>()));
                s.values().add(Double.parseDouble(rest[0]));
                s.timestampsMs().add(Long.parseLong(rest[1]));
            } catch (PromqlParseException | NumberFormatException e) {
                throw new BadInputException(new SourceLocation(name, i + 1, 1), "bad sample: " + e.getMessage());
            }
        }
        return new History(name, new ArrayList<>(series.values()));
    }

    /** The first and last sample times, and the shortest interval between two samples of a series. */
    long firstMs() {
        return series.stream().filter(s -> !s.timestampsMs().isEmpty()).mapToLong(s -> s.timestampsMs().get(0))
                .min().orElseThrow(this::empty);
    }

    long lastMs() {
        return series.stream().filter(s -> !s.timestampsMs().isEmpty())
                .mapToLong(s -> s.timestampsMs().get(s.timestampsMs().size() - 1)).max().orElseThrow(this::empty);
    }

    long stepMs() {
        long step = Long.MAX_VALUE;
        for (Series s : series) {
            for (int i = 1; i < s.timestampsMs().size(); i++) {
                long delta = s.timestampsMs().get(i) - s.timestampsMs().get(i - 1);
                if (delta > 0) {
                    step = Math.min(step, delta);
                }
            }
        }
        if (step == Long.MAX_VALUE) {
            throw new BadInputException(new SourceLocation(name, 1, 1), "no series has two samples to replay");
        }
        return step;
    }

    private BadInputException empty() {
        return new BadInputException(new SourceLocation(name, 1, 1), "no samples to replay");
    }

    /** A storage holding every sample. */
    MemoryStorage storage() {
        MemoryStorage storage = new MemoryStorage();
        for (Series s : series) {
            Labels labels = Labels.of(s.labels());
            for (int i = 0; i < s.values().size(); i++) {
                try {
                    storage.append(labels, s.timestampsMs().get(i), s.values().get(i));
                } catch (StorageException e) {
                    throw new BadInputException(new SourceLocation(name, 1, 1), "series " + s.labels() + ": "
                            + e.getMessage());
                }
            }
        }
        return storage;
    }
}
