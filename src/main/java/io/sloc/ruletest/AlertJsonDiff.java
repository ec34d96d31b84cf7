package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * promtool 3.x's {@code --diff}: the expected and the firing alerts as JSON ({@code [{"Annotations": {...},
 * "Labels": {...}}]}, an empty list standing in as one empty alert), compared the way the nsf/jsondiff library does
 * with its console options: the whole document pretty-printed, changed values {@code old => new} in yellow, values
 * only expected in red, values only got in green (ANSI colours).
 */
final class AlertJsonDiff {
    private enum Tag {
        NORMAL("", ""),
        ADDED("\033[0;32m", "\033[0m"),
        REMOVED("\033[0;31m", "\033[0m"),
        CHANGED("\033[0;33m", "\033[0m");

        final String begin;
        final String end;

        Tag(String begin, String end) {
            this.begin = begin;
            this.end = end;
        }
    }

    private static final String INDENT = "    ";

    private int level;
    private Tag lastTag;
    private boolean differs;

    private AlertJsonDiff() {
    }

    /** The diff text; empty when the JSON documents match (promtool then reports nothing). */
    static Optional<String> diff(List<AlertView> expected, List<AlertView> got) {
        AlertJsonDiff d = new AlertJsonDiff();
        String text = d.printDiff(json(expected), json(got));
        return d.differs ? Optional.of(text) : Optional.empty();
    }

    private static List<Object> json(List<AlertView> alerts) {
        List<Object> out = new ArrayList<>();
        for (AlertView a : alerts) {
            SortedMap<String, Object> alert = new TreeMap<>();
            alert.put("Annotations", new TreeMap<String, Object>(a.annotations()));
            alert.put("Labels", new TreeMap<String, Object>(a.labels()));
            out.add(alert);
        }
        if (out.isEmpty()) {
            out.add(new TreeMap<>(Map.of("Annotations", new TreeMap<String, Object>(),
                    "Labels", new TreeMap<String, Object>())));
        }
        return out;
    }

    private String printDiff(Object a, Object b) {
        StringBuilder buf = new StringBuilder();
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return printCollectionDiff("[", "]", new Items(la, lb));
        }
        if (a instanceof SortedMap<?, ?> ma && b instanceof SortedMap<?, ?> mb) {
            return printCollectionDiff("{", "}", new Items(ma, mb));
        }
        if (a.equals(b)) {
            tag(buf, Tag.NORMAL);
            writeValue(buf, a, true);
        } else {
            tag(buf, Tag.CHANGED);
            writeValue(buf, a, false);
            buf.append(" => ");
            writeValue(buf, b, false);
            differs = true;
        }
        return finish(buf);
    }

    /** The elements of two arrays by index, or of two objects by their sorted union of keys. */
    private static final class Items {
        final List<String> keys;
        final List<Object> a = new ArrayList<>();
        final List<Object> b = new ArrayList<>();

        Items(List<?> la, List<?> lb) {
            keys = null;
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                a.add(i < la.size() ? la.get(i) : null);
                b.add(i < lb.size() ? lb.get(i) : null);
            }
        }

        Items(SortedMap<?, ?> ma, SortedMap<?, ?> mb) {
            TreeSet<String> union = new TreeSet<>();
            ma.keySet().forEach(k -> union.add((String) k));
            mb.keySet().forEach(k -> union.add((String) k));
            keys = List.copyOf(union);
            for (String k : keys) {
                a.add(ma.get(k));
                b.add(mb.get(k));
            }
        }

        int count() {
            return a.size();
        }

        void key(StringBuilder buf, int i) {
            if (keys != null) {
                buf.append(GoQuote.quote(keys.get(i))).append(": ");
            }
        }
    }

    private String printCollectionDiff(String open, String close, Items items) {
        List<String> diffs = new ArrayList<>();
        level++;
        for (int i = 0; i < items.count(); i++) {
            Object a = items.a.get(i);
            Object b = items.b.get(i);
            diffs.add(a != null && b != null ? printDiff(a, b) : "");
        }
        level--;
        StringBuilder buf = new StringBuilder();
        tag(buf, Tag.NORMAL);
        if (items.count() == 0) {
            buf.append(open).append(close);
            return finish(buf);
        }
        level++;
        newline(buf, open);
        for (int i = 0; i < items.count(); i++) {
            Object a = items.a.get(i);
            Object b = items.b.get(i);
            if (a != null && b != null) {
                items.key(buf, i);
                buf.append(diffs.get(i));
            } else if (a != null) {
                tag(buf, Tag.REMOVED);
                items.key(buf, i);
                writeValue(buf, a, true);
                differs = true;
            } else {
                tag(buf, Tag.ADDED);
                items.key(buf, i);
                writeValue(buf, b, true);
                differs = true;
            }
            if (i < items.count() - 1) {
                tag(buf, Tag.NORMAL);
                newline(buf, ",");
            }
        }
        level--;
        tag(buf, Tag.NORMAL);
        newline(buf, "");
        buf.append(close);
        return finish(buf);
    }

    private void writeValue(StringBuilder buf, Object v, boolean full) {
        if (v instanceof String s) {
            buf.append(GoQuote.quote(s));
            return;
        }
        boolean isList = v instanceof List<?>;
        List<?> values = isList ? (List<?>) v : new ArrayList<>(((SortedMap<?, ?>) v).values());
        List<?> keys = isList ? null : new ArrayList<>(((SortedMap<?, ?>) v).keySet());
        String open = isList ? "[" : "{";
        String close = isList ? "]" : "}";
        if (!full) {
            buf.append(open).append(close);
            return;
        }
        if (values.isEmpty()) {
            buf.append(open);
        } else {
            level++;
            newline(buf, open);
        }
        for (int i = 0; i < values.size(); i++) {
            if (keys != null) {
                buf.append(GoQuote.quote((String) keys.get(i))).append(": ");
            }
            writeValue(buf, values.get(i), true);
            if (i != values.size() - 1) {
                newline(buf, ",");
            } else {
                level--;
                newline(buf, "");
            }
        }
        buf.append(close);
    }

    private void tag(StringBuilder buf, Tag tag) {
        if (lastTag == tag) {
            return;
        }
        if (lastTag != null) {
            buf.append(lastTag.end);
        }
        buf.append(tag.begin);
        lastTag = tag;
    }

    /** A line break that closes the current colour and reopens it after the indentation. */
    private void newline(StringBuilder buf, String s) {
        buf.append(s);
        if (lastTag != null) {
            buf.append(lastTag.end);
        }
        buf.append('\n').append(INDENT.repeat(level));
        if (lastTag != null) {
            buf.append(lastTag.begin);
        }
    }

    private String finish(StringBuilder buf) {
        if (lastTag != null) {
            buf.append(lastTag.end);
            lastTag = null;
        }
        return buf.toString();
    }
}
