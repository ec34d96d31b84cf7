package io.sloc.template;

import io.sloc.golang.GoError;
import io.sloc.golang.fmt.GoInterfaceMap;
import io.sloc.golang.fmt.GoPrintf;
import io.sloc.golang.fmt.GoValue;
import io.sloc.golang.regexp.GoRegexp;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.golang.strings.GoText;
import io.sloc.golang.time.GoTime;
import io.sloc.promql.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The function map of Prometheus 2.42's template/template.go, bound to one alert evaluation. */
final class PrometheusFunctions {
    private static final GoType STRING = GoType.STRING;
    private static final GoType ANY = GoType.ANY;
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    private PrometheusFunctions() {
    }

    /**
     * Builtins plus Prometheus's functions; {@code query} runs at {@code evalTimeMs}; a null {@code externalUrl}
     * makes {@code externalURL} and {@code pathPrefix} fail as Go's nil *url.URL does.
     */
    static Map<String, GoFunction> functions(QueryFunction queryFunction, long evalTimeMs, String externalUrl) {
        Map<String, GoFunction> f = new HashMap<>(CONTEXT_FREE);
        f.put("query", GoFunction.of(args -> query(queryFunction, (String) args[0], evalTimeMs), STRING));
        f.put("pathPrefix", GoFunction.of(args -> pathOf(nonNil(externalUrl))));
        f.put("externalURL", GoFunction.of(args -> nonNil(externalUrl)));
        return f;
    }

    private static final Map<String, GoFunction> CONTEXT_FREE = contextFreeFunctions();

    private static Map<String, GoFunction> contextFreeFunctions() {
        Map<String, GoFunction> f = new HashMap<>(Builtins.functions());
        f.put("first", GoFunction.of(args -> first((QueryResult) args[0]), GoType.QUERY_RESULT));
        f.put("label", GoFunction.of(args -> sample(args[1]).labels().getOrDefault((String) args[0], ""),
                STRING, GoType.SAMPLE));
        f.put("value", GoFunction.of(args -> sample(args[0]).value(), GoType.SAMPLE));
        f.put("strvalue", GoFunction.of(args -> sample(args[0]).labels().getOrDefault("__value__", ""),
                GoType.SAMPLE));
        f.put("args", GoFunction.variadic(PrometheusFunctions::args, ANY));
        f.put("reReplaceAll", GoFunction.of(args -> GoRegexp.mustCompile((String) args[0])
                .replaceAll((String) args[2], (String) args[1]), STRING, STRING, STRING));
        f.put("safeHtml", GoFunction.of(args -> new SafeHtml((String) args[0]), STRING));
        f.put("match", GoFunction.of(args -> GoRegexp.compile((String) args[0]).matches((String) args[1]),
                STRING, STRING));
        f.put("title", GoFunction.of(args -> GoText.title((String) args[0]), STRING));
        f.put("toUpper", GoFunction.of(args -> GoText.toUpper((String) args[0]), STRING));
        f.put("toLower", GoFunction.of(args -> GoText.toLower((String) args[0]), STRING));
        f.put("graphLink", GoFunction.of(args -> link((String) args[0], 0), STRING));
        f.put("tableLink", GoFunction.of(args -> link((String) args[0], 1), STRING));
        f.put("sortByLabel", GoFunction.of(args -> sortByLabel((String) args[0], (QueryResult) args[1]),
                STRING, GoType.QUERY_RESULT));
        f.put("stripPort", GoFunction.of(args -> GoText.stripPort((String) args[0]), STRING));
        f.put("stripDomain", GoFunction.of(args -> GoText.stripDomain((String) args[0]), STRING));
        f.put("humanize", GoFunction.of(args -> humanize(toFloat(args[0])), ANY));
        f.put("humanize1024", GoFunction.of(args -> humanize1024(toFloat(args[0])), ANY));
        f.put("humanizeDuration", GoFunction.of(args -> humanizeDuration(toFloat(args[0])), ANY));
        f.put("humanizePercentage", GoFunction.of(args -> GoPrintf.sprintf("%.4g%%", toFloat(args[0]) * 100), ANY));
        f.put("humanizeTimestamp", GoFunction.of(args -> humanizeTimestamp(toFloat(args[0])), ANY));
        f.put("toTime", GoFunction.of(args -> toTime(toFloat(args[0])), ANY));
        f.put("parseDuration", GoFunction.of(args -> parseDuration((String) args[0]), STRING));
        return Map.copyOf(f);
    }

    private static QueryResult query(QueryFunction queryFunction, String q, long evalTimeMs) throws GoError {
        try {
            return new QueryResult(queryFunction.query(q, evalTimeMs));
        } catch (QueryFunction.QueryException e) {
            throw new GoError(e.getMessage());
        }
    }

    private static TemplateSample first(QueryResult v) throws GoError {
        if (v == null || v.samples().isEmpty()) {
            throw new GoError("first() called on vector with no elements");
        }
        return v.samples().get(0);
    }

    private static String nonNil(String url) throws GoError {
        if (url == null) {
            throw new GoError("runtime error: invalid memory address or nil pointer dereference");
        }
        return url;
    }

    /** Dereferencing a nil *sample panics in Go; the template reports the runtime error. */
    private static TemplateSample sample(Object s) throws GoError {
        if (s == null) {
            throw new GoError("runtime error: invalid memory address or nil pointer dereference");
        }
        return (TemplateSample) s;
    }

    private static GoInterfaceMap args(Object[] args) {
        GoInterfaceMap result = new GoInterfaceMap();
        for (int i = 0; i < args.length; i++) {
            result.put("arg" + i, args[i]);
        }
        return result;
    }

    private static String link(String expr, int tab) {
        return "/graph?g0.expr=" + Builtins.queryEscape(expr) + "&g0.tab=" + tab;
    }

    private static QueryResult sortByLabel(String label, QueryResult v) {
        if (v == null) {
            return null;
        }
        List<TemplateSample> sorted = new ArrayList<>(v.samples());
        sorted.sort(Comparator.comparing((TemplateSample s) -> s.labels().getOrDefault(label, ""), Builtins::compareUtf8));
        return new QueryResult(sorted);
    }

    /** Prometheus's convertToFloat: float64, int and numeric strings. */
    static double toFloat(Object i) throws GoError {
        if (i instanceof Double d) {
            return d;
        }
        if (i instanceof Long l) {
            return l;
        }
        if (i instanceof String s) {
            try {
                return GoStrconv.parseFloat(s);
            } catch (GoStrconv.NumError e) {
                throw new GoError(e.getMessage());
            }
        }
        throw new GoError("can't convert " + (i == null ? "<nil>" : GoValue.typeName(i)) + " to float");
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoPrintf.sprintf("%.4g", v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return GoPrintf.sprintf("%.4g%s", v, prefix);
        }
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoPrintf.sprintf("%.4g%s", v, prefix);
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoPrintf.sprintf("%.4g", v);
        }
        String prefix = "";
        for (String p : BINARY) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return GoPrintf.sprintf("%.4g%s", v, prefix);
    }

    static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoPrintf.sprintf("%.4g", v);
        }
        if (v == 0) {
            return GoPrintf.sprintf("%.4gs", v);
        }
        if (Math.abs(v) >= 1) {
            String sign = "";
            if (v < 0) {
                sign = "-";
                v = -v;
            }
            long duration = goInt64(v);
            long seconds = duration % 60;
            long minutes = (duration / 60) % 60;
            long hours = (duration / 60 / 60) % 24;
            long days = duration / 60 / 60 / 24;
            if (days != 0) {
                return GoPrintf.sprintf("%s%dd %dh %dm %ds", sign, days, hours, minutes, seconds);
            }
            if (hours != 0) {
                return GoPrintf.sprintf("%s%dh %dm %ds", sign, hours, minutes, seconds);
            }
            if (minutes != 0) {
                return GoPrintf.sprintf("%s%dm %ds", sign, minutes, seconds);
            }
            return GoPrintf.sprintf("%s%.4gs", sign, v);
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoPrintf.sprintf("%.4g%ss", v, prefix);
    }

    /** Go's float64→int64 conversion on amd64: out-of-range values become math.MinInt64. */
    private static long goInt64(double v) {
        if (Double.isNaN(v) || v >= 0x1p63 || v < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) v;
    }

    private static String humanizeTimestamp(double v) throws GoError {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoPrintf.sprintf("%.4g", v);
        }
        return toTime(v).goString();
    }

    /** floatToTime: seconds → nanoseconds (int64) → model.Time milliseconds, in UTC. */
    private static GoTime toTime(double v) throws GoError {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new GoError("value is NaN or Inf");
        }
        double timestamp = v * 1e9;
        if (timestamp > 0x1p63 || timestamp < -0x1p63) {
            throw new GoError(GoPrintf.sprint(v)
                    + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        return new GoTime(goInt64(timestamp) / 1_000_000);
    }

    private static String pathOf(String externalUrl) {
        try {
            String path = new URI(externalUrl).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** model.ParseDuration, in seconds (through Go's int64 nanoseconds, as Prometheus computes it). */
    static double parseDuration(String d) throws GoError {
        try {
            return (double) (Durations.parse(d) * 1_000_000) / 1e9;
        } catch (IllegalArgumentException e) {
            throw new GoError(e.getMessage());
        }
    }
}
