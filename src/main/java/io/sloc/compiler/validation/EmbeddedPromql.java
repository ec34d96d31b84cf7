package io.sloc.compiler.validation;

import io.sloc.dsl.ast.PromqlText;
import io.sloc.model.PromqlQuery;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.parser.PromqlParser;
import java.util.ArrayList;
import java.util.List;

/** Parses PromQL written between backticks, with errors located inside the spec file. */
final class EmbeddedPromql {
    /** Same length as {@link PromqlQuery#WINDOW_PLACEHOLDER}, so columns after it stay exact. */
    private static final String WINDOW_STAND_IN = "999999s";

    private EmbeddedPromql() {
    }

    static PromqlQuery parse(PromqlText text) {
        String parseable = text.text().replace(PromqlQuery.WINDOW_PLACEHOLDER, WINDOW_STAND_IN);
        // Generated rules must load in both versions; 2.42 is the stricter parser (no UTF-8 names, fewer functions).
        Expr parsed = PromqlParser.parse(parseable, text.start(), PromqlProfile.V2_42);
        return new PromqlQuery(tidy(text.text()), parsed, text.start());
    }

    /** Drops blank first/last lines, common indentation and trailing spaces, so YAML output stays tidy. */
    static String tidy(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.replaceAll(String::stripTrailing);
        // Text that starts on the backtick's line has an unindented first line: leave it out of the indent.
        int firstIndented = lines.get(0).isBlank() ? 0 : 1;
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (int i = firstIndented; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(i < firstIndented || line.isEmpty() ? line.strip() : line.substring(indent));
        }
        return String.join("\n", out);
    }
}
