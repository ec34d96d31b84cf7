package io.sloc.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable sorted copies, so label and annotation maps iterate (and serialise) in one order everywhere. */
public final class Maps {
    private Maps() {
    }

    public static SortedMap<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
