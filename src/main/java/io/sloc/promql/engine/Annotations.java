package io.sloc.promql.engine;

import io.sloc.promql.ast.PositionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings and infos a Prometheus 3 query returns beside its result (Prometheus's util/annotations): kept once per
 * message, each pointing at the node that raised it, printed as {@code "PromQL warning: <message> (line:column)"}.
 */
public final class Annotations {
    /** Warnings are possibly wrong results; infos are hints (e.g. a rate over a metric not named like a counter). */
    public enum Kind {
        WARNING("PromQL warning"), INFO("PromQL info");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Text after an annotation's message that accumulates when the same message is raised again (later steps). */
    public interface Detail {
        Detail mergedWith(Detail later);

        String text();
    }

    private static final class Annotation {
        final Kind kind;
        final String message;
        final PositionRange position;
        Detail detail;

        Annotation(Kind kind, String message, PositionRange position, Detail detail) {
            this.kind = kind;
            this.message = message;
            this.position = position;
            this.detail = detail;
        }
    }

    /** By message without position: like Prometheus, a message raised at several nodes is reported once. */
    private Map<String, Annotation> byMessage = Map.of(); // a LinkedHashMap from the first: most queries raise none
    /** How many times an annotation was raised, repeats included. */
    private long raised;

    public void warn(PositionRange position, String message) {
        add(Kind.WARNING, position, message, null);
    }

    public void info(PositionRange position, String message) {
        add(Kind.INFO, position, message, null);
    }

    /** An info whose detail merges with the detail of the same message raised before. */
    public void info(PositionRange position, String message, Detail detail) {
        add(Kind.INFO, position, message, detail);
    }

    private void add(Kind kind, PositionRange position, String message, Detail detail) {
        raised++;
        String text = kind.prefix + ": " + message;
        if (byMessage.isEmpty()) {
            byMessage = new LinkedHashMap<>();
        }
        Annotation before = byMessage.putIfAbsent(text, new Annotation(kind, text, position, detail));
        if (before != null && before.detail != null && detail != null) {
            before.detail = before.detail.mergedWith(detail);
        }
    }

    /** A count that grows with every annotation raised, repeats included. */
    long raised() {
        return raised;
    }

    public boolean isEmpty() {
        return byMessage.isEmpty();
    }

    /** The annotations of one kind as Prometheus prints them for {@code query}, in the order they were raised. */
    public List<String> render(Kind kind, String query) {
        List<String> out = new ArrayList<>();
        for (Annotation a : byMessage.values()) {
            if (a.kind == kind) {
                String detail = a.detail == null ? "" : a.detail.text();
                out.add(a.message + detail + " (" + startPosition(query, a.position) + ")");
            }
        }
        return out;
    }

    /** Go's {@code PositionRange.StartPosInput(query, 0)}: 1-based line and byte column of the node's start. */
    static String startPosition(String query, PositionRange position) {
        if (query.isEmpty()) {
            return "unknown position";
        }
        int start = position.start();
        if (start < 0 || start > query.length()) {
            return "invalid position";
        }
        PositionRange.LineColumn at = PositionRange.LineColumn.of(query, start);
        return at.line() + ":" + at.byteColumn();
    }
}
