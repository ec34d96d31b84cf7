package io.sloc.promql.value;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An instant vector; the order of {@link #samples()} is the evaluation order (meaningful for sort()). */
public final class Vector implements Value {
    public static final Vector EMPTY = new Vector(List.of());

    private final List<Sample> samples;
    /** The list behind {@link #samples} (the same one when copied), read directly by size() and get(). */
    private final List<Sample> backing;

    /** A vector of a copy of {@code samples}. */
    public Vector(List<Sample> samples) {
        this(samples, true);
    }

    private Vector(List<Sample> samples, boolean copy) {
        this.backing = copy ? List.copyOf(samples) : samples;
        this.samples = copy ? backing : Collections.unmodifiableList(samples);
    }

    /**
     * A vector of {@code samples} without copying them: the engine builds a list for each result at every step of
     * every query, so the list is handed over and its builder must not change it afterwards.
     */
    public static Vector handedOver(List<Sample> samples) {
        return new Vector(samples, false);
    }

    /** The samples, unmodifiable. */
    public List<Sample> samples() {
        return samples;
    }

    public int size() {
        return backing.size();
    }

    public boolean isEmpty() {
        return backing.isEmpty();
    }

    public Sample get(int i) {
        return backing.get(i);
    }

    /** Whether two samples share a label set (Prometheus rejects such vectors after most operations). */
    public boolean containsSameLabelset() {
        if (samples.size() < 2) {
            return false;
        }
        Set<Labels> seen = new HashSet<>();
        for (Sample s : samples) {
            if (!seen.add(s.metric())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && samples.equals(v.samples);
    }

    @Override
    public int hashCode() {
        return samples.hashCode();
    }

    @Override
    public String toString() {
        return "Vector[samples=" + samples + "]";
    }
}
