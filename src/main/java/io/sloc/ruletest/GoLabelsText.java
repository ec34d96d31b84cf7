package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.value.Labels;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Go's {@code labels.Labels.String()}: {@code {a="x", b="y"}}, name-sorted; Prometheus 3.x quotes a name outside
 * the legacy character set ({@code {"k8s.pod"="x"}}).
 */
final class GoLabelsText {
    private static final Pattern LEGACY_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private GoLabelsText() {
    }

    static String of(Labels labels, boolean quoteUtf8Names) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            append(sb, labels.name(i), labels.value(i), quoteUtf8Names);
        }
        return sb.append('}').toString();
    }

    /** Also for maps holding empty values, which {@link Labels} cannot. */
    static String of(SortedMap<String, String> sorted, boolean quoteUtf8Names) {
        StringBuilder sb = new StringBuilder("{");
        sorted.forEach((name, value) -> append(sb, name, value, quoteUtf8Names));
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, String value, boolean quoteUtf8Names) {
        if (sb.length() > 1) {
            sb.append(", ");
        }
        boolean quote = quoteUtf8Names && !LEGACY_NAME.matcher(name).matches();
        sb.append(quote ? GoQuote.quote(name) : name).append('=').append(GoQuote.quote(value));
    }
}
