package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.diag.SourceLocation;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=T::message}), which the runner turns
 * into annotations on the pull request's changed lines. Escaping follows the runner's rules: {@code %}, CR and
 * LF everywhere, plus {@code :} and {@code ,} inside property values.
 */
final class GithubReporter implements Reporter {
    @Override
    public void write(CheckReport report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            out.println("::" + (d.severity() == Severity.ERROR ? "error" : "warning") + " "
                    + properties(d) + "::" + escapeData(d.message()));
        }
        out.println(Summary.line(report));
        out.flush();
    }

    private static String properties(Diagnostic d) {
        SourceLocation at = d.location();
        StringBuilder props = new StringBuilder("file=").append(escapeProperty(workspaceRelative(at.source())));
        if (at.isKnown()) {
            props.append(",line=").append(at.line());
            if (at.column() > 0) {
                props.append(",col=").append(at.column());
            }
        }
        return props.append(",title=").append(escapeProperty("sloc check (" + d.check() + ")")).toString();
    }

    /** GitHub places annotations by paths relative to the workspace, the directory the job runs in. */
    private static String workspaceRelative(String source) {
        try {
            Path file = Path.of(source);
            Path workspace = Path.of("").toAbsolutePath();
            return file.isAbsolute() && file.startsWith(workspace) ? workspace.relativize(file).toString() : source;
        } catch (InvalidPathException e) {
            return source;
        }
    }

    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
