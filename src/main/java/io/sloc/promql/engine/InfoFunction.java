package io.sloc.promql.engine;

import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prometheus 3's experimental {@code info(v [, {data label matchers}])}: adds to each series of v the data labels of
 * the info series (target_info by default) that share its identifying labels (instance, job), as of the time v's
 * first selector looks at (its @ and offset).
 */
final class InfoFunction {
    private static final String TARGET_INFO = "target_info";
    private static final List<String> IDENTIFYING_LABELS = List.of("instance", "job");

    private InfoFunction() {
    }

    static void register(Map<String, FunctionImpl> m) {
        m.put("info", InfoFunction::info);
    }

    /** The @ and offset of the first selector in v, the offsets of enclosing subqueries added up to an @. */
    private record ReferenceTime(AtModifier at, long offsetMs) {
    }

    private static Vector info(Evaluator ev, Call c, long t) {
        Expr base = c.args().get(0);
        ReferenceTime found = referenceTime(base, new ArrayList<>());
        ReferenceTime reference = found == null ? new ReferenceTime(null, 0) : found;
        Vector in = ev.evalVector(base, t);
        List<LabelMatcher> nameMatchers = new ArrayList<>();
        Map<String, List<LabelMatcher>> dataMatchers = new TreeMap<>();
        if (c.args().size() > 1) {
            for (LabelMatcher m : ((VectorSelector) c.args().get(1)).matchers()) {
                if (m.name().equals(Labels.METRIC_NAME)) {
                    nameMatchers.add(m);
                } else {
                    dataMatchers.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        List<LabelMatcher> infoNames = effectiveNameMatchers(nameMatchers);
        // Info series themselves are not enriched.
        Set<Labels> ignored = new HashSet<>();
        Map<String, Set<String>> identifying = new TreeMap<>();
        for (Sample s : in.samples()) {
            if (matchesAll(infoNames, s.metric().metricName())) {
                ignored.add(s.metric());
            } else {
                for (String l : IDENTIFYING_LABELS) {
                    String v = s.metric().get(l);
                    if (v != null && !v.isEmpty()) {
                        identifying.computeIfAbsent(l, k -> new TreeSet<>()).add(v);
                    }
                }
            }
        }
        Map<Labels, Sample> infoBySignature = identifying.isEmpty() ? Map.of()
                : newestInfoSamples(ev, c, reference, identifying, dataMatchers, infoNames, t);
        Set<String> infoMetrics = new TreeSet<>();
        infoBySignature.values().forEach(s -> infoMetrics.add(s.metric().metricName()));

        List<Sample> out = new ArrayList<>(in.size());
        for (Sample s : in.samples()) {
            if (ignored.contains(s.metric())) {
                out.add(s.at(t));
                continue;
            }
            Map<String, String> addedValues = new LinkedHashMap<>();
            boolean matched = false;
            for (String name : infoMetrics) {
                Sample info = infoBySignature.get(signature(name, s.metric()));
                if (info == null) {
                    continue;
                }
                matched = true;
                Labels l = info.metric();
                for (int i = 0; i < l.size(); i++) {
                    String label = l.name(i);
                    if (label.equals(Labels.METRIC_NAME)
                            || !dataMatchers.isEmpty() && !dataMatchers.containsKey(label)) {
                        continue;
                    }
                    String had = addedValues.get(label);
                    if (had != null && !had.equals(l.value(i))) {
                        throw new PromqlEvalException("conflicting label: " + label);
                    }
                    if (!s.metric().has(label)) {
                        addedValues.put(label, l.value(i));
                    }
                }
            }
            if (!matched && !allMatchEmpty(dataMatchers)) {
                continue; // no info series, and the data matchers want a value
            }
            Labels.Builder enriched = s.metric().toBuilder();
            addedValues.forEach(enriched::set);
            out.add(new Sample(enriched.build(), t, s.value(), s.dropName()));
        }
        Vector result = new Vector(out);
        if (result.containsSameLabelset()) {
            throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
        return result;
    }

    /**
     * The info series sharing identifying label values with the input, their last sample as of the reference time;
     * per signature (name, instance, job) the newest sample wins, two of the same age conflict.
     */
    private static Map<Labels, Sample> newestInfoSamples(Evaluator ev, Call c, ReferenceTime reference,
            Map<String, Set<String>> identifying, Map<String, List<LabelMatcher>> dataMatchers,
            List<LabelMatcher> infoNames, long t) {
        List<LabelMatcher> matchers = new ArrayList<>();
        boolean dotAll = ev.profile().regexDotMatchesNewline();
        identifying.forEach((name, values) -> matchers.add(new LabelMatcher(LabelMatcher.Type.REGEX, name,
                String.join("|", values.stream().map(InfoFunction::quoteMeta).toList()), dotAll)));
        dataMatchers.values().forEach(matchers::addAll);
        matchers.addAll(infoNames);
        VectorSelector selector = new VectorSelector(null, matchers, reference.offsetMs(), reference.at(), c.pos());
        Map<Labels, Sample> bySignature = new LinkedHashMap<>();
        for (Sample s : ev.evalVector(selector, t).samples()) {
            if (s.isHistogram()) {
                throw new PromqlEvalException("info sample should be float");
            }
            Labels signature = signature(s.metric().metricName(), s.metric());
            Sample existing = bySignature.get(signature);
            if (existing == null || existing.timestampMs() < s.timestampMs()) {
                bySignature.put(signature, s);
            } else if (existing.timestampMs() == s.timestampMs()) {
                throw new PromqlEvalException("found duplicate series for info metric: existing "
                        + existing.metric() + " @ " + existing.timestampMs() + ", new " + s.metric() + " @ "
                        + s.timestampMs());
            }
        }
        return bySignature;
    }

    private static Labels signature(String infoName, Labels metric) {
        return metric.keep(IDENTIFYING_LABELS).toBuilder().set(Labels.METRIC_NAME, infoName).build();
    }

    /** With a positive name matcher, all of them; only negative ones: those and {@code .+_info}; none: target_info. */
    private static List<LabelMatcher> effectiveNameMatchers(List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            if (m.type() == LabelMatcher.Type.EQUAL || m.type() == LabelMatcher.Type.REGEX) {
                return matchers;
            }
        }
        if (!matchers.isEmpty()) {
            List<LabelMatcher> all = new ArrayList<>();
            all.add(new LabelMatcher(LabelMatcher.Type.REGEX, Labels.METRIC_NAME, ".+_info"));
            all.addAll(matchers);
            return all;
        }
        return List.of(new LabelMatcher(LabelMatcher.Type.EQUAL, Labels.METRIC_NAME, TARGET_INFO));
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, String value) {
        String v = value == null ? "" : value;
        return matchers.stream().allMatch(m -> m.matches(v));
    }

    private static boolean allMatchEmpty(Map<String, List<LabelMatcher>> dataMatchers) {
        return dataMatchers.values().stream().flatMap(List::stream).allMatch(m -> m.matches(""));
    }

    /** Go's regexp.QuoteMeta. */
    private static String quoteMeta(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** Finds the first vector selector (Prometheus's depth-first order) with the subqueries around it. */
    private static ReferenceTime referenceTime(Expr e, List<SubqueryExpr> enclosing) {
        if (e instanceof VectorSelector vs) {
            AtModifier at = vs.at();
            long offset = vs.offsetMs();
            for (int i = enclosing.size() - 1; at == null && i >= 0; i--) {
                offset += enclosing.get(i).offsetMs();
                at = enclosing.get(i).at();
            }
            return new ReferenceTime(at, offset);
        }
        if (e instanceof SubqueryExpr sq) {
            enclosing.add(sq);
            ReferenceTime found = referenceTime(sq.expr(), enclosing);
            enclosing.remove(enclosing.size() - 1);
            return found;
        }
        for (Expr child : children(e)) {
            ReferenceTime found = referenceTime(child, enclosing);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof ParenExpr p) {
            return List.of(p.expr());
        }
        if (e instanceof UnaryExpr u) {
            return List.of(u.expr());
        }
        if (e instanceof MatrixSelector m) {
            return List.of(m.selector());
        }
        if (e instanceof BinaryExpr b) {
            return List.of(b.lhs(), b.rhs());
        }
        if (e instanceof AggregateExpr a) {
            return a.param() == null ? List.of(a.expr()) : List.of(a.expr(), a.param());
        }
        if (e instanceof Call call) {
            return call.args();
        }
        return List.of();
    }
}
