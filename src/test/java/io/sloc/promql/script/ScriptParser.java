package io.sloc.promql.script;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.promql.Durations;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.SeriesDescriptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the PromQL test-script language of Prometheus 3.14 (promqltest/test.go) into commands; Prometheus 2.42's
 * scripts are a subset of it.
 */
final class ScriptParser {
    private static final Pattern SPACE = Pattern.compile("[\t ]+");
    private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(.+?)$");
    private static final Pattern EVAL_INSTANT =
            Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern EVAL_RANGE = Pattern.compile(
            "^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
    private static final Pattern EXPECT =
            Pattern.compile("^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");
    private static final String RANGE_VECTOR = "expect range vector";
    private static final Pattern EXPECT_RANGE =
            Pattern.compile("^" + RANGE_VECTOR + "\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+)$");
    private static final String STRING = "expect string";
    private ScriptParser() {
    }

    /** The commands of a script whose series descriptions and queries are read as {@code profile}'s Prometheus. */
    static List<ScriptCommand> parse(String input, PromqlProfile profile) {
        String[] lines = input.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            lines[i] = l.startsWith("#") ? "" : l;
        }
        List<ScriptCommand> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            String c = SPACE.split(l, 2)[0].toLowerCase(Locale.ROOT);
            if (c.equals("clear")) {
                commands.add(new ScriptCommand.Clear(i + 1));
            } else if (c.startsWith("load")) {
                i = parseLoad(lines, i, commands, profile);
            } else if (c.startsWith("eval")) {
                i = parseEval(lines, i, commands, profile);
            } else {
                throw error(i, "invalid command \"" + l + "\"");
            }
        }
        return commands;
    }

    private static IllegalArgumentException error(int i, String msg) {
        return new IllegalArgumentException("line " + (i + 1) + ": " + msg);
    }

    private static int parseLoad(String[] lines, int i, List<ScriptCommand> out, PromqlProfile profile) {
        Matcher m = LOAD.matcher(lines[i]);
        if (!m.matches()) {
            throw error(i, "invalid load command. (load[_with_nhcb] <step:duration>)");
        }
        long step = Durations.parse(m.group(2));
        int start = i;
        List<ScriptCommand.LoadedSeries> series = new ArrayList<>();
        ScriptCommand.StartOffsets pendingStart = null;
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            if (StartTimestampLines.isStartLine(lines[i])) {
                pendingStart = StartTimestampLines.parse(lines[i]).offsets();
                continue;
            }
            series.add(parseLoadedSeries(lines[i], pendingStart, profile));
            pendingStart = null;
        }
        out.add(new ScriptCommand.Load(start + 1, step, m.group(1) != null, series));
        return i;
    }

    private static ScriptCommand.LoadedSeries parseLoadedSeries(String line, ScriptCommand.StartOffsets start,
                                                                PromqlProfile profile) {
        SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeriesLine(line, profile);
        return new ScriptCommand.LoadedSeries(d.labels(), d.values(), d.omitted(), d.histograms(), start);
    }

    private static int parseEval(String[] lines, int i, List<ScriptCommand> out, PromqlProfile profile) {
        Matcher instant = EVAL_INSTANT.matcher(lines[i]);
        Matcher range = EVAL_RANGE.matcher(lines[i]);
        boolean isInstant = instant.matches();
        if (!isInstant && !range.matches()) {
            throw error(i, "invalid evaluation command. Must be either 'eval[_fail|_warn|_ordered] instant "
                    + "[at <offset:duration>] <query>' or 'eval[_fail|_warn] range from <from> to <to> step <step> "
                    + "<query>'");
        }
        String mod = isInstant ? instant.group(1) : range.group(1);
        String expr = isInstant ? instant.group(3) : range.group(5);
        ScriptCommand.Flags flags = new ScriptCommand.Flags("fail".equals(mod), "ordered".equals(mod),
                "warn".equals(mod), "info".equals(mod));
        long startMs;
        long endMs;
        long stepMs = 0;
        if (isInstant) {
            startMs = instant.group(2) == null ? 0 : Durations.parse(instant.group(2));
            endMs = startMs;
        } else {
            startMs = Durations.parse(range.group(2));
            endMs = Durations.parse(range.group(3));
            stepMs = Durations.parse(range.group(4));
        }
        int start = i;
        Double scalar = null;
        String expectedString = null;
        List<ScriptCommand.ExpectLine> expectLines = new ArrayList<>();
        List<ScriptCommand.ExpectedSeries> expected = new ArrayList<>();
        for (int j = 1; i + 1 < lines.length && !lines[i + 1].isEmpty(); j++) {
            i++;
            String line = lines[i];
            if (flags.fail() && (line.startsWith("expected_fail_message") || line.startsWith("expected_fail_regexp"))) {
                boolean regexp = line.startsWith("expected_fail_regexp");
                String arg = line.substring("expected_fail_message".length()).strip();
                expectLines.add(new ScriptCommand.ExpectLine("fail", regexp ? null : arg,
                        regexp ? Pattern.compile(arg) : null));
                break;
            }
            if (line.startsWith(RANGE_VECTOR)) {
                Matcher r = EXPECT_RANGE.matcher(line);
                if (!r.matches()) {
                    throw error(i, "invalid range vector definition " + GoQuote.quote(line));
                }
                startMs = Durations.parse(r.group(1));
                endMs = Durations.parse(r.group(2));
                stepMs = Durations.parse(r.group(3));
                j--;
                continue;
            }
            if (line.startsWith(STRING)) {
                expectedString = unquote(i, line.substring(STRING.length()).strip());
                j--;
                continue;
            }
            if (SPACE.split(line, 2)[0].equals("expect")) {
                expectLines.add(parseExpect(i, line));
                j--;
                continue;
            }
            Double number = parseNumber(line);
            if (number != null) {
                scalar = number;
                break;
            }
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeriesLine(line, profile);
            if (d.values().length > 1 && isInstant && stepMs == 0) {
                throw error(i, "expecting multiple values in instant evaluation not allowed");
            }
            expected.add(new ScriptCommand.ExpectedSeries(d.labels(), d.values(), d.omitted(), d.histograms(),
                    d.hintGiven(), j));
        }
        out.add(new ScriptCommand.Eval(start + 1, lines[start], expr, !isInstant, startMs, endMs, stepMs, flags,
                expectLines, scalar, expectedString, expected));
        return i;
    }

    private static ScriptCommand.ExpectLine parseExpect(int i, String line) {
        Matcher m = EXPECT.matcher(line.strip());
        if (!m.matches()) {
            throw error(i, "invalid expect statement, must match `expect <type> <match_type>: <string>` format");
        }
        if (m.group(2) == null) {
            return new ScriptCommand.ExpectLine(m.group(1), null, Pattern.compile("^.*$"));
        }
        String arg = m.group(3).strip();
        return m.group(2).equals("msg") ? new ScriptCommand.ExpectLine(m.group(1), arg, null)
                : new ScriptCommand.ExpectLine(m.group(1), null, Pattern.compile(arg));
    }

    private static String unquote(int i, String literal) {
        try {
            return GoStrconv.unquote(literal);
        } catch (GoStrconv.NumError e) {
            throw error(i, "expected string literal not valid - check that the string is correctly quoted");
        }
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} then {@code ParseFloat(s, 64)}; null when neither accepts it. */
    static Double parseNumber(String s) {
        try {
            return (double) GoStrconv.parseInt(s);
        } catch (GoStrconv.NumError e) {
            try {
                return GoStrconv.parseFloat(s);
            } catch (GoStrconv.NumError e2) {
                return null;
            }
        }
    }
}
