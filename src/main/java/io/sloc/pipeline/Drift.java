package io.sloc.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The result of {@code --check}: every file that would change, with a readable first difference. */
public record Drift(List<Change> changes) {
    public Drift {
        changes = List.copyOf(changes);
    }

    public enum Kind { MISSING, CHANGED, UNEXPECTED }

    /** One differing file; {@code detail} shows the first differing line for changed files. */
    public record Change(String path, Kind kind, String detail) {
        public String render() {
            switch (kind) {
                case MISSING: return "missing:    " + path + " (compile would create it)";
                case UNEXPECTED: return "unexpected: " + path + " (compile does not produce it; delete it)";
                default: return "changed:    " + path + "\n" + detail;
            }
        }
    }

    public boolean inSync() {
        return changes.isEmpty();
    }

    /** A multi-line summary for the terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append(c.render()).append('\n'));
        return out.toString();
    }

    static String firstDifference(byte[] expected, byte[] actual) {
        String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] have = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        int line = firstDifferingLine(expected, actual) - 1;
        return "    line " + (line + 1) + ":\n"
                + "      compiled: " + (line < want.length ? want[line] : "<end of file>") + "\n"
                + "      on disk:  " + (line < have.length ? have[line] : "<end of file>");
    }

    /** The 1-based number of the first line where {@code actual} differs from {@code expected}. */
    public static int firstDifferingLine(byte[] expected, byte[] actual) {
        String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] have = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        int line = 0;
        while (line < want.length && line < have.length && want[line].equals(have[line])) {
            line++;
        }
        return line + 1;
    }
}
