package io.sloc.promql.engine;

import io.sloc.golang.regexp.Re2;
import io.sloc.promql.ast.Call;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/** label_replace and label_join (metric names kept). */
final class LabelFunctions {

    private LabelFunctions() {
    }

    static void register(Map<String, FunctionImpl> m) {
        m.put("label_replace", LabelFunctions::labelReplace);
        m.put("label_join", LabelFunctions::labelJoin);
    }

    private static Vector labelReplace(Evaluator ev, Call c, long t) {
        Vector in = ev.evalVector(c.args().get(0), t);
        String dst = ev.evalString(c.args().get(1), t);
        String repl = ev.evalString(c.args().get(2), t);
        String src = ev.evalString(c.args().get(3), t);
        String regex = ev.evalString(c.args().get(4), t);
        Re2.Regex compiled;
        try {
            compiled = Re2.compile((ev.profile().regexDotMatchesNewline() ? "^(?s:" : "^(?:") + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new PromqlEvalException("invalid regular expression in label_replace(): " + regex);
        }
        if (!Labels.isValidName(dst, ev.profile().utf8Names())) {
            throw new PromqlEvalException("invalid destination label name in label_replace(): " + dst);
        }
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            Matcher matcher = compiled.pattern().matcher(s.metric().get(src));
            if (matcher.matches()) {
                String value = compiled.expand(repl, matcher);
                out.add(relabelled(s, dst, value, t));
            } else {
                out.add(s.at(t));
            }
        }
        return ev.checkedVector(out);
    }

    private static Vector labelJoin(Evaluator ev, Call c, long t) {
        Vector in = ev.evalVector(c.args().get(0), t);
        String dst = ev.evalString(c.args().get(1), t);
        String sep = ev.evalString(c.args().get(2), t);
        List<String> srcs = new ArrayList<>();
        for (int i = 3; i < c.args().size(); i++) {
            String src = ev.evalString(c.args().get(i), t);
            if (!Labels.isValidName(src, ev.profile().utf8Names())) {
                throw new PromqlEvalException("invalid source label name in label_join(): " + src);
            }
            srcs.add(src);
        }
        if (!Labels.isValidName(dst, ev.profile().utf8Names())) {
            throw new PromqlEvalException("invalid destination label name in label_join(): " + dst);
        }
        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < srcs.size(); i++) {
                if (i > 0) {
                    joined.append(sep);
                }
                joined.append(s.metric().get(srcs.get(i)));
            }
            out.add(relabelled(s, dst, joined.toString(), t));
        }
        return ev.checkedVector(out);
    }

    /** The sample with label dst set; writing the metric name keeps it from a delayed name removal. */
    private static Sample relabelled(Sample s, String dst, String value, long t) {
        return new Sample(s.metric().toBuilder().set(dst, value).build(), t, s.value(),
                s.dropName() && !dst.equals(Labels.METRIC_NAME), s.histogram());
    }
}
