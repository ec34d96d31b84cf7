package io.sloc.promql.engine;

import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.LinkedHashMap;
import java.util.Map;

/** Storage plus engine for unit tests: load series, evaluate query text at a time in seconds. */
final class EngineFixture {
    final MemoryStorage storage = new MemoryStorage();
    Engine engine = new Engine();

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

    Value eval(String query, double atSeconds) {
        return engine.instantQuery(storage, PromqlParser.parse(query), Math.round(atSeconds * 1000));
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
