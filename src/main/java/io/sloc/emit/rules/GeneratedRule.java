package io.sloc.emit.rules;

import io.sloc.model.Maps;
import java.time.Duration;
import java.util.SortedMap;

/** A recording or alerting rule as it appears in a rule file. */
public sealed interface GeneratedRule {
    String expr();

    SortedMap<String, String> labels();

    /** {@code record: NAME}. */
    record Recording(String record, String expr, SortedMap<String, String> labels) implements GeneratedRule {
        public Recording {
            labels = Maps.sorted(labels);
        }
    }

    /** {@code alert: NAME}; zero durations are left out of the file. */
    record Alerting(String alert, String expr, Duration forDuration, Duration keepFiringFor,
                    SortedMap<String, String> labels, SortedMap<String, String> annotations) implements GeneratedRule {
        public Alerting {
            labels = Maps.sorted(labels);
            annotations = Maps.sorted(annotations);
        }
    }
}
