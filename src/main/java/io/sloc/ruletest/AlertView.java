package io.sloc.ruletest;

import io.sloc.promql.value.Labels;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An alert as promtool compares it: labels (with alertname) and annotations, both name-sorted string maps so that
 * an expected empty value stays visible (Go's {@code labels.FromMap} keeps it).
 */
record AlertView(SortedMap<String, String> labels, SortedMap<String, String> annotations) {
    static final Comparator<AlertView> ORDER = (a, b) -> {
        int c = compare(a.labels, b.labels);
        return c != 0 ? c : compare(a.annotations, b.annotations);
    };

    AlertView {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    }

    static AlertView of(Labels labels, Map<String, String> annotations) {
        return new AlertView(new TreeMap<>(labels.toMap()), new TreeMap<>(annotations));
    }

    /** Go's {@code labels.Compare} over name-sorted pairs. */
    static int compare(SortedMap<String, String> a, SortedMap<String, String> b) {
        Iterator<Map.Entry<String, String>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, String>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, String> ea = ia.next();
            Map.Entry<String, String> eb = ib.next();
            int c = Labels.compareStrings(ea.getKey(), eb.getKey());
            if (c != 0) {
                return c;
            }
            c = Labels.compareStrings(ea.getValue(), eb.getValue());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public String toString() {
        return render(false);
    }

    // Written out: a record's generated equals, hashCode and toString spin method handles at their first call,
    // about 10 ms of start-up that the start-up cache cannot hold.
    @Override
    public boolean equals(Object o) {
        return o instanceof AlertView a && labels.equals(a.labels) && annotations.equals(a.annotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, annotations);
    }

    /** promtool's {@code labelAndAnnotation.String()}; 3.x quotes label names that are not legacy names. */
    String render(boolean quoteUtf8Names) {
        return "Labels:" + GoLabelsText.of(labels, quoteUtf8Names)
                + "\nAnnotations:" + GoLabelsText.of(annotations, quoteUtf8Names);
    }

    /** Go's {@code labels.Labels.String()} of a name-sorted map, which, unlike {@link Labels}, may hold empty values. */
    static String goLabels(SortedMap<String, String> sorted) {
        return GoLabelsText.of(sorted, false);
    }

    /** promtool's {@code labelsAndAnnotations.String()}: {@code []} or a numbered, indented list. */
    static String list(List<AlertView> alerts, boolean quoteUtf8Names) {
        if (alerts.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < alerts.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append(i).append(':')
                    .append(Messages.indentLines("\n" + alerts.get(i).render(quoteUtf8Names), "  "));
        }
        return sb.append("\n]").toString();
    }
}
