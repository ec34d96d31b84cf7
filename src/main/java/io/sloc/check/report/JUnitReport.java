package io.sloc.check.report;

import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Diagnostic;
import io.sloc.check.Severity;
import io.sloc.check.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report ({@code --junit FILE}) that CI systems display: one test suite per stage, one test case per
 * checked input, a {@code <failure>} listing its errors; warnings go to {@code <system-out>}. No timestamps or
 * host names, so the file is reproducible.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(CheckReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", "sloc check");
                for (Stage stage : Stage.values()) {
                    List<CheckedFile> files = report.files().stream().filter(f -> f.stage() == stage).toList();
                    if (!files.isEmpty()) {
                        writeSuite(xml, stage, files);
                    }
                }
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JUnit report " + file, e);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write JUnit report " + file, e));
        }
    }

    private static void writeSuite(XMLStreamWriter xml, Stage stage, List<CheckedFile> files)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "sloc check: " + stage.label());
        xml.writeAttribute("tests", Integer.toString(files.size()));
        xml.writeAttribute("failures", Long.toString(files.stream().filter(CheckedFile::hasErrors).count()));
        xml.writeAttribute("errors", "0");
        for (CheckedFile file : files) {
            writeCase(xml, stage, file);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, Stage stage, CheckedFile file) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "sloc.check." + stage.label());
        xml.writeAttribute("name", file.path());
        List<Diagnostic> errors = only(file, Severity.ERROR);
        if (!errors.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", errors.get(0).location() + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            xml.writeAttribute("type", errors.get(0).check());
            xml.writeCharacters(lines(errors));
            xml.writeEndElement();
        }
        List<Diagnostic> warnings = only(file, Severity.WARNING);
        if (!warnings.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(warnings));
            xml.writeEndElement();
        }
        if (!errors.isEmpty() || !warnings.isEmpty()) {
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    private static List<Diagnostic> only(CheckedFile file, Severity severity) {
        return file.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    }

    private static String lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n", "\n", "\n"));
    }
}
