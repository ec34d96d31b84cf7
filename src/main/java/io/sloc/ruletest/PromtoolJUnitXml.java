package io.sloc.ruletest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * promtool 3.x's {@code --junit} report, as its junitxml package writes it with Go's XML encoder (one line, no XML
 * declaration): one {@code <testsuite>} per test file, one {@code <testcase>} per test group that ran (an unnamed
 * group is {@code unnamed#INDEX}), one {@code <failure>} per error message, so {@code failures} counts messages. A file
 * that stopped before its groups ran is one error in a case named {@code unknown}.
 */
public final class PromtoolJUnitXml {
    /** promtool's timestamp layout (Go's {@code 2006-01-02T15:04:05}, local time). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private PromtoolJUnitXml() {
    }

    public static String render(List<FileReport> reports) {
        StringBuilder sb = new StringBuilder("<testsuites>");
        for (FileReport r : reports) {
            boolean aborted = !r.fileErrors().isEmpty() && r.groups().isEmpty();
            int cases = aborted ? 1 : r.groups().size();
            int failures = r.groups().stream().mapToInt(g -> g.errors().size()).sum();
            sb.append("<testsuite name=\"").append(escape(r.file())).append("\" tests=\"").append(cases)
                    .append("\" failures=\"").append(failures).append("\" errors=\"").append(aborted ? 1 : 0)
                    .append("\" skipped=\"0\" timestamp=\"").append(timestamp(r)).append("\">");
            if (aborted) {
                sb.append("<testcase name=\"unknown\"><error>").append(escape(String.join("\n", r.fileErrors())))
                        .append("</error></testcase>");
            }
            for (FileReport.GroupReport g : r.groups()) {
                sb.append("<testcase name=\"").append(escape(g.promtoolName())).append("\">");
                for (String error : g.errors()) {
                    sb.append("<failure>").append(escape(error)).append("</failure>");
                }
                sb.append("</testcase>");
            }
            sb.append("</testsuite>");
        }
        return sb.append("</testsuites>").toString();
    }

    /** Local time: the time zone is only looked up (a read of the zone database) when a report is written. */
    private static String timestamp(FileReport report) {
        return report.started().map(t -> LocalDateTime.ofInstant(t, ZoneId.systemDefault()).format(TIMESTAMP))
                .orElse("");
    }

    /** Go's {@code xml.EscapeText} (attributes and text alike); characters XML cannot carry become U+FFFD. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\t' -> sb.append("&#x9;");
                case '\n' -> sb.append("&#xA;");
                case '\r' -> sb.append("&#xD;");
                default -> {
                    boolean legal = c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF;
                    sb.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return sb.toString();
    }
}
