package io.sloc.promql.script;

import io.sloc.golang.strconv.GoStrconv;
import io.sloc.promql.Durations;
import io.sloc.promql.parser.SeriesDescriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Prometheus 2.42's PromQL test-script language into commands. */
final class ScriptParser {
    private static final Pattern SPACE = Pattern.compile("[\t ]+");
    private static final Pattern LOAD = Pattern.compile("^load\\s+(.+?)$");
    private static final Pattern EVAL =
            Pattern.compile("^eval(?:_(fail|ordered))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");

    private ScriptParser() {
    }

    static List<ScriptCommand> parse(String input) {
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
            } else if (c.equals("load")) {
                i = parseLoad(lines, i, commands);
            } else if (c.startsWith("eval")) {
                i = parseEval(lines, i, commands);
            } else {
                throw error(i, "invalid command \"" + l + "\"");
            }
        }
        return commands;
    }

    private static IllegalArgumentException error(int i, String msg) {
        return new IllegalArgumentException("line " + (i + 1) + ": " + msg);
    }

    private static int parseLoad(String[] lines, int i, List<ScriptCommand> out) {
        Matcher m = LOAD.matcher(lines[i]);
        if (!m.matches()) {
            throw error(i, "invalid load command. (load <step:duration>)");
        }
        long step = Durations.parse(m.group(1));
        int start = i;
        List<ScriptCommand.LoadedSeries> series = new ArrayList<>();
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeriesLine(lines[i]);
            series.add(new ScriptCommand.LoadedSeries(d.labels(), d.values(), d.omitted()));
        }
        out.add(new ScriptCommand.Load(start + 1, step, series));
        return i;
    }

    private static int parseEval(String[] lines, int i, List<ScriptCommand> out) {
        Matcher m = EVAL.matcher(lines[i]);
        if (!m.matches()) {
            throw error(i, "invalid evaluation command. (eval[_fail|_ordered] instant [at <offset:duration>] <query>");
        }
        String mod = m.group(1);
        long at = m.group(2) == null ? 0 : Durations.parse(m.group(2));
        int start = i;
        Double scalar = null;
        List<ScriptCommand.ExpectedSample> expected = new ArrayList<>();
        for (int j = 1; i + 1 < lines.length && !lines[i + 1].isEmpty(); j++) {
            i++;
            Double number = parseNumber(lines[i]);
            if (number != null) {
                scalar = number;
                break;
            }
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeriesLine(lines[i]);
            if (d.values().length > 1) {
                throw error(i, "expecting multiple values in instant evaluation not allowed");
            }
            expected.add(new ScriptCommand.ExpectedSample(d.labels(), d.values()[0], j));
        }
        out.add(new ScriptCommand.Eval(start + 1, lines[start], m.group(3), at, "fail".equals(mod),
                "ordered".equals(mod), scalar, expected));
        return i;
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
