package io.sloc.promql.value;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An instant vector; the order of {@link #samples()} is the evaluation order (meaningful for sort()). */
public record Vector(List<Sample> samples) implements Value {
    public static final Vector EMPTY = new Vector(List.of());

    public Vector {
        samples = List.copyOf(samples);
    }

    public int size() {
        return samples.size();
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public Sample get(int i) {
        return samples.get(i);
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
}
