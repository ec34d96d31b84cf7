package io.sloc.promql.engine;

import io.sloc.golang.math.GoMath;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Vector;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** time(), timestamp(), start_timestamp() and the UTC date functions. */
final class TimeFunctions {
    /** Range of seconds java.time can represent; Go's time handles more, such inputs give NaN here. */
    private static final long MAX_SECONDS = 31556889864403199L;

    private TimeFunctions() {
    }

    static void register(Map<String, FunctionImpl> m) {
        m.put("time", (ev, c, t) -> new Scalar(t, t / 1000.0));
        m.put("timestamp", TimeFunctions::timestamp);
        m.put("start_timestamp", TimeFunctions::startTimestamp);
        date(m, "year", d -> d.getYear());
        date(m, "month", d -> d.getMonthValue());
        date(m, "day_of_month", d -> d.getDayOfMonth());
        date(m, "day_of_week", d -> d.getDayOfWeek().getValue() % 7);
        date(m, "day_of_year", d -> d.getDayOfYear());
        date(m, "hour", d -> d.getHour());
        date(m, "minute", d -> d.getMinute());
        date(m, "days_in_month", d -> d.toLocalDate().lengthOfMonth());
    }

    /** Whether the call reads the timestamps of a plain selector's samples (timestamp, start_timestamp). */
    static boolean readsSampleTimestamps(Evaluator ev, Call c) {
        String name = c.function().name();
        return (name.equals("timestamp") || name.equals("start_timestamp"))
                && ev.unwrapParens(c.args().get(0)) instanceof VectorSelector;
    }

    /** The sample's own timestamp when the argument is a plain selector, else the evaluation time. */
    private static Vector timestamp(Evaluator ev, Call c, long t) {
        Expr arg = ev.unwrapParens(c.args().get(0));
        boolean selector = arg instanceof VectorSelector;
        Vector in = arg instanceof VectorSelector vs && vs.extension() != RangeExtension.SMOOTHED
                ? ev.selectForTimestamps(vs, t) : ev.evalVector(arg, t);
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            long ts = selector ? s.timestampMs() : t;
            out.add(ev.nameDropped(s.metric(), t, ts / 1000.0));
        }
        return ev.checkedVector(out);
    }

    /**
     * Seconds of the start timestamps (0 if unknown) of a plain selector's samples; nothing for any other argument,
     * or without the use-start-timestamps feature.
     */
    private static Vector startTimestamp(Evaluator ev, Call c, long t) {
        Expr arg = ev.unwrapParens(c.args().get(0));
        if (!(arg instanceof VectorSelector vs) || !ev.profile().usesStartTimestamps()) {
            ev.eval(arg, t);
            return Vector.EMPTY;
        }
        Vector in = ev.selectForTimestamps(vs, t);
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            out.add(ev.nameDropped(s.metric(), t, s.value() / 1000));
        }
        return ev.checkedVector(out);
    }

    private static void date(Map<String, FunctionImpl> m, String name, ToDoubleFunction<LocalDateTime> f) {
        m.put(name, (ev, c, t) -> {
            if (c.args().isEmpty()) {
                return new Vector(List.of(new Sample(Labels.EMPTY, t, apply(f, t / 1000))));
            }
            Vector in = ev.evalVector(c.args().get(0), t);
            List<Sample> out = new ArrayList<>(in.size());
            for (Sample s : in.samples()) {
                if (!s.isHistogram()) { // dates of floats only
                    out.add(ev.nameDropped(s.metric(), t, apply(f, GoMath.toInt64(s.value()))));
                }
            }
            return ev.checkedVector(out);
        });
    }

    private static double apply(ToDoubleFunction<LocalDateTime> f, long epochSeconds) {
        if (Math.abs(epochSeconds) > MAX_SECONDS) {
            return Double.NaN;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        return f.applyAsDouble(d);
    }

}
