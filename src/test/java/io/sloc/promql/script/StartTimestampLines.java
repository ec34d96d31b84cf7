package io.sloc.promql.script;

import io.sloc.promql.Durations;
import io.sloc.promql.parser.SeriesDescriptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code metric{labels}@st <offsets>} lines of Prometheus 3 load blocks: per-slot start-timestamp offsets of the
 * series line that follows. Items: {@code _}, {@code _xN} (N omitted), {@code <dur>}, {@code <dur>xN} (N+1 equal),
 * {@code <dur>[+-]<dur>xN} (N+1, stepping). A duration is digits and the letters after them up to an {@code x}
 * ({@code 0} needs no unit), as promqltest's parseDurationPrefix scans it.
 */
final class StartTimestampLines {
    private static final Pattern ITEM =
            Pattern.compile("([+-]?\\d+[a-wyzA-Z]*)(?:([+-])(\\d+[a-wyzA-Z]*))?(?:x(\\d+))?");

    /** The labels the offsets belong to, and the offsets. */
    record Parsed(Map<String, String> labels, ScriptCommand.StartOffsets offsets) {
    }

    private StartTimestampLines() {
    }

    static boolean isStartLine(String line) {
        String l = line.strip();
        int space = firstBlank(l);
        return space >= 0 && l.substring(0, space).endsWith("@st");
    }

    static Parsed parse(String line) {
        String l = line.strip();
        int space = firstBlank(l);
        String metric = l.substring(0, space - "@st".length());
        Map<String, String> labels = SeriesDescriptions.parseSeriesLine(metric + " _").labels();
        List<Long> offsets = new ArrayList<>();
        BitSet omitted = new BitSet();
        for (String item : l.substring(space + 1).strip().split("[\t ]+")) {
            if (item.equals("_")) {
                omitted.set(offsets.size());
                offsets.add(0L);
            } else if (item.startsWith("_x")) {
                int n = Integer.parseInt(item.substring(2));
                omitted.set(offsets.size(), offsets.size() + n);
                for (int k = 0; k < n; k++) {
                    offsets.add(0L);
                }
            } else {
                addItem(item, offsets);
            }
        }
        long[] array = offsets.stream().mapToLong(Long::longValue).toArray();
        return new Parsed(labels, new ScriptCommand.StartOffsets(array, omitted));
    }

    private static void addItem(String item, List<Long> offsets) {
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid ST item \"" + item + "\"");
        }
        long base = signed(m.group(1));
        long delta = m.group(3) == null ? 0 : Durations.parse(m.group(3)) * ("-".equals(m.group(2)) ? -1 : 1);
        int count = m.group(4) == null ? 1 : Integer.parseInt(m.group(4)) + 1;
        for (int k = 0; k < count; k++) {
            offsets.add(base + k * delta);
        }
    }

    private static long signed(String duration) {
        if (duration.startsWith("-")) {
            return -Durations.parse(duration.substring(1));
        }
        return Durations.parse(duration.startsWith("+") ? duration.substring(1) : duration);
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
