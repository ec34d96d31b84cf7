package io.sloc.rules;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import java.util.List;

/**
 * A rule file that cannot be loaded, with every problem found as a located {@link Diagnostic} (check
 * {@code rule-file}), so that {@code sloc check} reports them without reading promtool's text back.
 * {@link #errors()} is that text, what {@code promtool check rules} prints. Problems rulefmt does not locate by a YAML
 * node (syntax and decoding errors, names, templates) and those at a node the rule lacks are at line 0;
 * {@link #line()} then gives the line of the first group (or of the YAML error) when known, 0 otherwise.
 */
public final class RuleFileException extends RuntimeException {
    private static final String CHECK = "rule-file";

    private final String file;
    private final transient List<Problem> problems;
    private final int line;

    /**
     * A problem, and whether promtool prints its position: rulefmt does for problems it ties to a YAML node, even
     * to one the rule lacks ({@code 0:0}), which a location alone cannot tell from a problem it does not locate.
     */
    record Problem(Diagnostic diagnostic, boolean positioned) {
        static Problem at(SourceLocation node, String message) {
            return new Problem(Diagnostic.error(CHECK, node, message), true);
        }

        static Problem unpositioned(String file, String message) {
            return new Problem(Diagnostic.error(CHECK, new SourceLocation(file, 0, 0), message), false);
        }
    }

    RuleFileException(String file, List<Problem> problems, int line) {
        super(String.join("\n", problems.stream().map(p -> promtoolText(file, p)).toList()));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.line = line;
    }

    public String file() {
        return file;
    }

    public List<Diagnostic> diagnostics() {
        return problems.stream().map(Problem::diagnostic).toList();
    }

    /** The messages {@code promtool check rules} prints, each starting with the file name. */
    public List<String> errors() {
        return problems.stream().map(p -> promtoolText(file, p)).toList();
    }

    public int line() {
        return line;
    }

    /** {@code file: line:col: message}, or {@code file: message} for a problem rulefmt does not locate. */
    private static String promtoolText(String file, Problem problem) {
        SourceLocation at = problem.diagnostic().location();
        return file + ": " + (problem.positioned() ? at.line() + ":" + at.column() + ": " : "")
                + problem.diagnostic().message();
    }
}
