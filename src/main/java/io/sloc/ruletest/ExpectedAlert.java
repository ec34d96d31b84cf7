package io.sloc.ruletest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One expected alert: its labels (without alertname) and its exact annotations. */
public record ExpectedAlert(Map<String, String> expLabels, Map<String, String> expAnnotations) {
    public ExpectedAlert {
        expLabels = Collections.unmodifiableSortedMap(new TreeMap<>(expLabels));
        expAnnotations = Collections.unmodifiableSortedMap(new TreeMap<>(expAnnotations));
    }
}
