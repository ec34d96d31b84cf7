package io.sloc.ruletest;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.time.GoDuration;
import io.sloc.promql.Durations;
import java.util.List;
import java.util.stream.Collectors;

/** The failure messages of promtool 2.42's {@code test rules}, character for character (odd spaces included). */
final class Messages {
    private Messages() {
    }

    static String alertMismatch(String groupName, String alertname, long evalTimeMs, List<AlertView> expected,
                                List<AlertView> got) {
        String name = groupName.isEmpty() ? "" : "    name: " + groupName + ",\n";
        return name + "    alertname: " + alertname + ", time: " + Durations.format(evalTimeMs) + ", \n"
                + "        exp:" + indentLines(AlertView.list(expected), "            ") + ", \n"
                + "        got:" + indentLines(AlertView.list(got), "            ");
    }

    static String promqlMismatch(PromqlTestCase test, List<ResultSample> expected, List<ResultSample> got) {
        return "    expr: " + GoQuote.quote(test.expr()) + ", time: " + Durations.format(test.evalTimeMs()) + ",\n"
                + "        exp: " + samples(expected) + "\n"
                + "        got: " + samples(got);
    }

    static String promqlError(PromqlTestCase test, String error) {
        return "    expr: " + GoQuote.quote(test.expr()) + ", time: " + Durations.format(test.evalTimeMs())
                + ", err: " + error;
    }

    static String ruleError(String ruleName, long tsMs, String error) {
        return "    rule: " + ruleName + ", time: " + GoDuration.format(tsMs) + ", err: " + error;
    }

    static String missingAlertname(long evalTimeMs, String groupName) {
        return "an item under alert_rule_test misses required attribute alertname at eval_time "
                + Durations.format(evalTimeMs) + (groupName.isEmpty() ? "" : " (in TestGroup " + groupName + ")");
    }

    private static String samples(List<ResultSample> samples) {
        if (samples.isEmpty()) {
            return "nil";
        }
        return samples.stream().map(s -> s.labels() + " " + GoFloat.format(s.value(), 'E', -1))
                .collect(Collectors.joining(", "));
    }

    /** promtool's indentLines: every line but the first gets the prefix. */
    static String indentLines(String lines, String indent) {
        return String.join("\n" + indent, lines.split("\n", -1));
    }
}
