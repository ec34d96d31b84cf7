package io.sloc.dsl.interop;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** The documents of one YAML file ({@code ---} separates them), with the text that locates their nodes. */
final class YamlDocument {
    private final String source;
    private final List<String> lines;

    private YamlDocument(String source, String text) {
        this.source = source;
        this.lines = text.lines().toList();
    }

    /** The root of each non-empty document, in file order. */
    static List<YamlValue> roots(String text, String source) {
        YamlDocument document = new YamlDocument(source, text);
        List<YamlValue> roots = new ArrayList<>();
        try {
            for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                if (root != null) {
                    roots.add(new YamlValue(document, root, ""));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new BadInputException(mark == null ? document.location(1, 1)
                    : document.location(mark.getLine() + 1, mark.getColumn() + 1),
                    "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YAMLException e) {
            throw new BadInputException(document.location(1, 1), "YAML error: " + e.getMessage());
        }
        return roots;
    }

    SourceLocation location(int line, int column) {
        return new SourceLocation(source, line, column);
    }

    /** Leading spaces of a 1-based line, 0 past the end. */
    int indentation(int line) {
        if (line > lines.size()) {
            return 0;
        }
        String text = lines.get(line - 1);
        return text.length() - text.stripLeading().length();
    }
}
