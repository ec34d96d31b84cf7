package io.sloc.promql.engine;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Storage plus engine for unit tests: load series, evaluate query text at a time in seconds. */
final class EngineFixture {
    final MemoryStorage storage = new MemoryStorage();
    Engine engine = new Engine();
    private PromqlProfile profile = PromqlProfile.V2_42;

    /** A fixture parsing and evaluating as the profile's Prometheus does. */
    static EngineFixture of(PromqlProfile profile) {
        EngineFixture f = new EngineFixture();
        f.profile = profile;
        f.engine = new Engine(new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS, 60_000L, 0, profile));
        return f;
    }

    /** Samples {@code values[i]} at {@code i * stepSeconds}; NaN-with-payload values are stored bit for bit. */
    EngineFixture series(String nameValuePairs, long stepSeconds, double... values) {
        Labels l = Labels.of(nameValuePairs.split(","));
        for (int i = 0; i < values.length; i++) {
            storage.append(l, i * stepSeconds * 1000, values[i]);
        }
        return this;
    }

    EngineFixture sample(String nameValuePairs, long timeMs, double value) {
        storage.append(Labels.of(nameValuePairs.split(",")), timeMs, value);
        return this;
    }

    /** A sample whose counter started at {@code startTimestampMs}. */
    EngineFixture sample(String nameValuePairs, long timeMs, double value, long startTimestampMs) {
        storage.append(Labels.of(nameValuePairs.split(",")), timeMs, value, startTimestampMs);
        return this;
    }

    Value eval(String query, double atSeconds) {
        return instant(query, atSeconds).value();
    }

    /** The instant query's value and annotations. */
    Engine.Result<Value> instant(String query, double atSeconds) {
        return engine.instant(storage, PromqlParser.parse(query, profile), Math.round(atSeconds * 1000));
    }

    /** A range query from start to end (seconds, inclusive) with its annotations. */
    Engine.Result<Matrix> range(String query, double startSeconds, double endSeconds, double stepSeconds) {
        return engine.range(storage, PromqlParser.parse(query, profile), Math.round(startSeconds * 1000),
                Math.round(endSeconds * 1000), Math.round(stepSeconds * 1000));
    }

    /** The annotations of an instant query as Prometheus renders them. */
    List<String> annotations(String query, double atSeconds, Annotations.Kind kind) {
        return instant(query, atSeconds).annotations().render(kind, query);
    }

    Vector vector(String query, double atSeconds) {
        return (Vector) eval(query, atSeconds);
    }

    double scalar(String query, double atSeconds) {
        return ((Scalar) eval(query, atSeconds)).value();
    }

    /** Result as label-string to value, in result order. */
    Map<String, Double> values(String query, double atSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sample s : vector(query, atSeconds).samples()) {
            out.put(s.metric().toMetricString(), s.value());
        }
        return out;
    }

    /** The single sample's value of a one-element vector result. */
    double single(String query, double atSeconds) {
        Vector v = vector(query, atSeconds);
        if (v.size() != 1) {
            throw new AssertionError("expected one sample, got " + v.samples());
        }
        return v.get(0).value();
    }
}
