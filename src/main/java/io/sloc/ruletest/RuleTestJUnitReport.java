package io.sloc.ruletest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A JUnit XML report of rule tests, the format CI systems display: one {@code <testsuite>} per test file, one
 * {@code <testcase>} per test group (named by its {@code name:} or by its position), the promtool messages as the
 * failure text, {@code file}/{@code line} locating the group. A file that could not be read at all is one failed
 * test case named after the file, located at the YAML problem.
 */
public final class RuleTestJUnitReport {
    private RuleTestJUnitReport() {
    }

    public static void write(Path path, List<FileReport> reports) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write(render(reports));
        }
    }

    public static String render(List<FileReport> reports) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (FileReport r : reports) {
            int cases = r.fileErrors().isEmpty() ? r.groups().size() : 1;
            long failures = r.fileErrors().isEmpty() ? r.groups().stream().filter(FileReport.GroupReport::failed)
                    .count() : 1;
            double seconds = r.groups().stream().mapToLong(FileReport.GroupReport::durationNanos).sum() / 1e9;
            sb.append("  <testsuite name=\"").append(escape(r.file())).append("\" tests=\"").append(cases)
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" time=\"")
                    .append(time(seconds)).append("\">\n");
            if (!r.fileErrors().isEmpty()) {
                testCase(sb, r.file(), r.file(), r.fileErrorLine(), 0, r.fileErrors());
            }
            for (FileReport.GroupReport g : r.groups()) {
                String name = g.name().isEmpty() ? "tests[" + g.index() + "]" : g.name();
                testCase(sb, r.file(), name, g.line(), g.durationNanos() / 1e9, g.errors());
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    /** {@code file} and {@code line} attributes let CI systems link a failure to the test group in the file. */
    private static void testCase(StringBuilder sb, String file, String name, int line, double seconds,
                                 List<String> errors) {
        sb.append("    <testcase classname=\"").append(escape(file)).append("\" name=\"").append(escape(name))
                .append("\" file=\"").append(escape(file)).append('"');
        if (line > 0) {
            sb.append(" line=\"").append(line).append('"');
        }
        sb.append(" time=\"").append(time(seconds)).append('"');
        if (errors.isEmpty()) {
            sb.append("/>\n");
            return;
        }
        String text = String.join("\n", errors);
        String firstLine = text.strip().lines().findFirst().orElse("");
        sb.append(">\n      <failure message=\"").append(escape(firstLine)).append("\">")
                .append(escape(text)).append("</failure>\n    </testcase>\n");
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** XML 1.0 escaping; characters XML cannot carry at all become U+FFFD. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    boolean legal = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    sb.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return sb.toString();
    }
}
