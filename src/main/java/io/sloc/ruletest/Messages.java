package io.sloc.ruletest;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.time.GoDuration;
import io.sloc.promql.Durations;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failure messages of promtool's {@code test rules}, character for character (odd spaces included): 2.42's, and
 * 3.x's, which are the same but for {@code --diff} and UTF-8 label names.
 */
final class Messages {
    /** sloc's storage holds floats only: an expected native histogram cannot be compared. */
    private Messages() {
    }

    static String alertMismatch(String groupName, String alertname, long evalTimeMs, List<AlertView> expected,
                                List<AlertView> got, boolean quoteUtf8Names) {
        return alertHeader(groupName, alertname, evalTimeMs)
                + "        exp:" + indentLines(AlertView.list(expected, quoteUtf8Names), "            ") + ", \n"
                + "        got:" + indentLines(AlertView.list(got, quoteUtf8Names), "            ");
    }

    /**
     * promtool 3.x's {@code --diff} form: a JSON diff of the expected against the firing alerts; none when their JSON
     * is the same.
     */
    static Optional<String> alertDiff(String groupName, String alertname, long evalTimeMs, List<AlertView> expected,
                                      List<AlertView> got) {
        return AlertJsonDiff.diff(expected, got).map(diff -> alertHeader(groupName, alertname, evalTimeMs)
                + "        diff: " + indentLines(diff, "            "));
    }

    private static String alertHeader(String groupName, String alertname, long evalTimeMs) {
        String name = groupName.isEmpty() ? "" : "    name: " + groupName + ",\n";
        return name + "    alertname: " + alertname + ", time: " + Durations.format(evalTimeMs) + ", \n";
    }

    static String promqlMismatch(PromqlTestCase test, List<ResultSample> expected, List<ResultSample> got,
                                 boolean quoteUtf8Names) {
        return "    expr: " + GoQuote.quote(test.expr()) + ", time: " + Durations.format(test.evalTimeMs()) + ",\n"
                + "        exp: " + samples(expected, quoteUtf8Names) + "\n"
                + "        got: " + samples(got, quoteUtf8Names);
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

    private static String samples(List<ResultSample> samples, boolean quoteUtf8Names) {
        if (samples.isEmpty()) {
            return "nil";
        }
        return samples.stream().map(s -> GoLabelsText.of(s.labels(), quoteUtf8Names) + " "
                        + (s.histogram().isEmpty() ? GoFloat.format(s.value(), 'E', -1) : s.histogram()))
                .collect(Collectors.joining(", "));
    }

    /** promtool's indentLines: every line but the first gets the prefix. */
    static String indentLines(String lines, String indent) {
        return String.join("\n" + indent, lines.split("\n", -1));
    }
}
