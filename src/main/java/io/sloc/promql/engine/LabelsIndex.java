package io.sloc.promql.engine;

import io.sloc.promql.value.Labels;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values by label set, in insertion order, held without a hash table while there is only one: aggregations and
 * vector matching run at every step of every rule, and most of them meet a single group or a single partner.
 */
final class LabelsIndex<V> {
    private Labels onlyKey;
    private V onlyValue;
    private Map<Labels, V> many;

    V get(Labels key) {
        if (many != null) {
            return many.get(key);
        }
        return onlyKey != null && onlyKey.equals(key) ? onlyValue : null;
    }

    boolean containsKey(Labels key) {
        return many != null ? many.containsKey(key) : onlyKey != null && onlyKey.equals(key);
    }

    /** Sets the value of {@code key}; the value it replaces, or null. */
    V put(Labels key, V value) {
        if (many == null) {
            if (onlyKey == null || onlyKey.equals(key)) {
                V previous = onlyValue;
                onlyKey = onlyKey == null ? key : onlyKey; // a map keeps the key it has
                onlyValue = value;
                return previous;
            }
            many = new LinkedHashMap<>();
            many.put(onlyKey, onlyValue);
        }
        return many.put(key, value);
    }

    int size() {
        return many != null ? many.size() : onlyKey == null ? 0 : 1;
    }

    /** The values in insertion order. */
    Collection<V> values() {
        if (many != null) {
            return many.values();
        }
        return onlyKey == null ? List.of() : List.of(onlyValue);
    }
}
