package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.promql.value.Labels;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * promtool's {@code duplicate-rules} lint, which {@code promtool check rules} runs by default and reports without
 * failing: rules of one file (across its groups) with the same name, record or alert alike, and the same labels
 * (3.x: group labels merged in). Expressions are not compared, as promtool does not compare them. One warning per
 * file with promtool's text, listing each repeated name and labels once in promtool's order (name, then labels), at
 * the first repetition of the first one listed.
 */
public final class DuplicateRuleLint implements Lint {
    private static final Comparator<Key> PROMTOOL_ORDER = Comparator.comparing(Key::name, Labels::compareStrings)
            .thenComparing(Key::labels, DuplicateRuleLint::compareLabels);

    @Override
    public String id() {
        return "duplicate-rule";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        for (RuleFile file : context.ruleFiles()) {
            List<Key> keys = new ArrayList<>();
            for (RuleGroup group : file.groups()) {
                for (Rule rule : group.rules()) {
                    keys.add(new Key(rule.name(), sorted(rule.labels()), rule));
                }
            }
            keys.sort(PROMTOOL_ORDER); // stable: the second of equal keys is the first repetition in the file
            List<Key> duplicates = new ArrayList<>();
            for (int i = 1; i < keys.size(); i++) {
                boolean repeated = PROMTOOL_ORDER.compare(keys.get(i - 1), keys.get(i)) == 0;
                if (repeated && (duplicates.isEmpty()
                        || PROMTOOL_ORDER.compare(keys.get(i), duplicates.get(duplicates.size() - 1)) != 0)) {
                    duplicates.add(keys.get(i));
                }
            }
            if (!duplicates.isEmpty()) {
                report.accept(Diagnostic.warning(id(), duplicates.get(0).rule().location(), message(duplicates)));
            }
        }
    }

    /** promtool's text, without Go's {@code lint error} prefix. */
    private static String message(List<Key> duplicates) {
        StringBuilder text = new StringBuilder().append(duplicates.size()).append(" duplicate rule(s) found.\n");
        for (Key key : duplicates) {
            text.append("Metric: ").append(key.name()).append("\nLabel(s):\n");
            key.labels().forEach((name, value) -> text.append('\t').append(name).append(": ").append(value)
                    .append('\n'));
        }
        return text.append("Might cause inconsistency while recording expressions").toString();
    }

    /** The labels in Go's byte order; unlike a series' labels, empty values stay (Go's {@code labels.FromMap}). */
    private static TreeMap<String, String> sorted(Map<String, String> labels) {
        TreeMap<String, String> sorted = new TreeMap<>(Labels::compareStrings);
        sorted.putAll(labels);
        return sorted;
    }

    /** Prometheus's {@code labels.Compare}: pairwise by name then value, a prefix first. */
    private static int compareLabels(TreeMap<String, String> a, TreeMap<String, String> b) {
        var left = a.entrySet().iterator();
        var right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, String> l = left.next();
            Map.Entry<String, String> r = right.next();
            int c = Labels.compareStrings(l.getKey(), r.getKey());
            if (c == 0) {
                c = Labels.compareStrings(l.getValue(), r.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** What promtool compares, and the rule it came from. */
    private record Key(String name, TreeMap<String, String> labels, Rule rule) {
    }
}
