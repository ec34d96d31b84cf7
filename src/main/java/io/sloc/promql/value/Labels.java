package io.sloc.promql.value;

import io.sloc.golang.strconv.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An immutable label set sorted by label name, compared like Prometheus's {@code labels.Compare}. Names and values
 * are kept in two parallel arrays so that comparisons and hashing need no boxing.
 */
public final class Labels implements Comparable<Labels> {
    private static final Pattern LEGACY_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0], new String[0]);
    /** The reserved labels that describe a series rather than identify it (Prometheus 3's schema metadata). */
    public static final List<String> METADATA_LABELS = List.of(METRIC_NAME, "__type__", "__unit__");

    private final String[] names;
    private final String[] values;
    private int hash;
    /** {@link #withoutMetricName()}, computed once: operators ask for it for the same series at every step. */
    private Labels withoutMetricName;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** Labels from a map; entries with empty values are dropped (Prometheus treats them as absent). */
    public static Labels of(Map<String, String> map) {
        TreeMap<String, String> sorted = new TreeMap<>(Labels::compareStrings);
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                sorted.put(k, v);
            }
        });
        String[] n = new String[sorted.size()];
        String[] v = new String[sorted.size()];
        int i = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            n[i] = e.getKey().intern(); // few distinct names: interning is cheap and saves memory
            v[i++] = e.getValue();
        }
        return new Labels(n, v);
    }

    /** Labels from alternating name/value strings. */
    public static Labels of(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of name/value strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return of(map);
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The label's value, or the empty string when absent (PromQL's view of a missing label). */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? "" : values[i];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The metric name, or null. */
    public String metricName() {
        int i = indexOf(METRIC_NAME);
        return i < 0 ? null : values[i];
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Without the metric name and Prometheus 3's other metadata labels ({@code __type__}, {@code __unit__}), which
     * an operation that changes a series' meaning drops.
     */
    public Labels withoutMetadataLabels() {
        return drop(METADATA_LABELS);
    }

    /**
     * Prometheus's {@code labels.Hash()} (default stringlabels build): XXH64 of each name and value preceded by its
     * length (one byte below 255, else 255 and three little-endian bytes).
     */
    public long prometheusHash() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            writeSized(data, names[i]);
            writeSized(data, values[i]);
        }
        return XxHash64.sum64(data.toByteArray());
    }

    private static void writeSized(ByteArrayOutputStream data, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 255) {
            data.write(bytes.length);
        } else {
            data.write(255);
            data.write(bytes.length);
            data.write(bytes.length >> 8);
            data.write(bytes.length >> 16);
        }
        data.writeBytes(bytes);
    }

    /**
     * Whether {@code name} is a valid label name: the legacy syntax {@code [a-zA-Z_][a-zA-Z0-9_]*}, or with
     * {@code utf8} (Prometheus 3's model.UTF8Validation) any non-empty name without invalid UTF-8 (kept as unpaired
     * surrogates by the string-literal decoder).
     */
    public static boolean isValidName(String name, boolean utf8) {
        if (!utf8) {
            return LEGACY_NAME.matcher(name).matches();
        }
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public Labels withoutMetricName() {
        if (withoutMetricName == null) {
            int i = indexOf(METRIC_NAME);
            withoutMetricName = i < 0 ? this : filter(i, null, false);
        }
        return withoutMetricName;
    }

    /** Only the listed labels (those present). */
    public Labels keep(Collection<String> keep) {
        return filter(-1, keep, true);
    }

    /** All labels except the listed ones. */
    public Labels drop(Collection<String> drop) {
        return drop.isEmpty() ? this : filter(-1, drop, false);
    }

    /** A subset in the same (sorted) order: no re-sorting needed. */
    private Labels filter(int skipIndex, Collection<String> listed, boolean keepListed) {
        String[] n = new String[names.length];
        String[] v = new String[names.length];
        int size = 0;
        for (int i = 0; i < names.length; i++) {
            boolean keepIt = i != skipIndex && (listed == null || listed.contains(names[i]) == keepListed);
            if (keepIt) {
                n[size] = names[i];
                v[size++] = values[i];
            }
        }
        if (size == names.length) {
            return this;
        }
        return size == 0 ? EMPTY : new Labels(Arrays.copyOf(n, size), Arrays.copyOf(v, size));
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Prometheus {@code labels.Compare}: pairwise by name then value, a shorter prefix first. */
    @Override
    public int compareTo(Labels o) {
        int n = Math.min(names.length, o.names.length);
        for (int i = 0; i < n; i++) {
            int c = compareStrings(names[i], o.names[i]);
            if (c != 0) {
                return c;
            }
            c = compareStrings(values[i], o.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.length, o.names.length);
    }

    /** Go compares strings by UTF-8 bytes, which is code point order (Java's compareTo uses UTF-16 units). */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return ca - cb;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Labels l) || l.hashCode() != hashCode()) {
            return false;
        }
        return Arrays.equals(names, l.names) && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /**
     * Prometheus 2.42's {@code labels.Labels.String()}: {@code {__name__="up", job="a"}}, values quoted like Go's
     * strconv.Quote. This is the form in Prometheus's error messages and in promtool's output.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=');
            sb.append(GoQuote.quote(values[i]));
        }
        return sb.append('}').toString();
    }

    /** The metric form of {@code model.Metric.String()}: {@code up{job="a"}} (name outside the braces). */
    public String toMetricString() {
        StringBuilder sb = new StringBuilder();
        String metric = metricName();
        if (metric != null) {
            sb.append(metric);
        }
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(METRIC_NAME)) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(names[i]).append('=');
            sb.append(GoQuote.quote(values[i]));
        }
        return sb.append('}').toString();
    }

    /** Builds label sets; setting an empty value removes the label, as in Prometheus's labels.Builder. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        private Builder() {
        }

        private Builder(Labels base) {
            names.addAll(Arrays.asList(base.names));
            values.addAll(Arrays.asList(base.values));
        }

        public Builder set(String name, String value) {
            int i = names.indexOf(name);
            if (value.isEmpty()) {
                if (i >= 0) {
                    names.remove(i);
                    values.remove(i);
                }
            } else if (i >= 0) {
                values.set(i, value);
            } else {
                names.add(name);
                values.add(value);
            }
            return this;
        }

        public Builder remove(String name) {
            return set(name, "");
        }

        public Labels build() {
            int n = names.size();
            int[] order = new int[n];
            // Insertion sort of the (unique) names' indexes: label sets are small.
            for (int i = 0; i < n; i++) {
                int j = i;
                for (; j > 0 && compareStrings(names.get(order[j - 1]), names.get(i)) > 0; j--) {
                    order[j] = order[j - 1];
                }
                order[j] = i;
            }
            String[] ns = new String[n];
            String[] vs = new String[n];
            for (int i = 0; i < n; i++) {
                ns[i] = names.get(order[i]).intern();
                vs[i] = values.get(order[i]);
            }
            return n == 0 ? EMPTY : new Labels(ns, vs);
        }
    }
}
