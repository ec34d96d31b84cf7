package io.sloc.check.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One JSON document: the verdict, whether warnings fail it ({@code strict}), counts, every checked input and every
 * finding, with 1-based line and column (0 when unknown). Field order is fixed so that output is stable.
 */
final class JsonReporter implements Reporter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(CheckReport report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("passed", report.passed());
        root.put("strict", report.strict());
        root.put("errors", report.count(Severity.ERROR));
        root.put("warnings", report.count(Severity.WARNING));
        ArrayNode files = root.putArray("checked");
        for (CheckedFile file : report.files()) {
            files.addObject().put("stage", file.stage().label()).put("path", file.path())
                    .put("passed", !file.hasErrors());
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            diagnostics.addObject()
                    .put("severity", d.severity().label())
                    .put("check", d.check())
                    .put("file", d.location().source())
                    .put("line", d.location().line())
                    .put("column", d.location().column())
                    .put("message", d.message());
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
