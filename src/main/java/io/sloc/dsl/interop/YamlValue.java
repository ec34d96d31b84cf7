package io.sloc.dsl.interop;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PromqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of an imported YAML document, read with located errors: every accessor names the field it reads, and a
 * value of the wrong shape is reported at its own line and column.
 */
final class YamlValue {
    /** The DSL's identifiers, which service, SLO, label and alert names become. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final YamlDocument document;
    private final Node node;
    private final String path;

    YamlValue(YamlDocument document, Node node, String path) {
        this.document = document;
        this.node = node;
        this.path = path;
    }

    /** Where the field is written, e.g. {@code spec.slos[0].sli}: how errors name it. */
    String path() {
        return path;
    }

    SourceLocation location() {
        return document.location(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    BadInputException error(String message) {
        return new BadInputException(location(), path.isEmpty() ? message : path + ": " + message);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** The value of {@code key} in this mapping, or null when absent or null. */
    YamlValue field(String key) {
        for (NodeTuple tuple : mapping().getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                YamlValue value = new YamlValue(document, tuple.getValueNode(), child(key));
                return value.isNull() ? null : value;
            }
        }
        return null;
    }

    YamlValue required(String key) {
        YamlValue value = field(key);
        if (value == null) {
            throw error("missing field '" + key + "'");
        }
        return value;
    }

    /** Fails at the first key outside {@code known}: a field sloc does not read must not be dropped silently. */
    YamlValue allowOnly(Set<String> known) {
        for (NodeTuple tuple : mapping().getValue()) {
            String key = new YamlValue(document, tuple.getKeyNode(), path).text();
            if (!known.contains(key)) {
                throw new YamlValue(document, tuple.getKeyNode(), child(key)).error("unknown field; sloc reads "
                        + String.join(", ", known.stream().sorted().toList()) + " here");
            }
        }
        return this;
    }

    /** Fails if {@code key} is present: a feature of the other tool that sloc does not have. */
    void unsupported(String key, String why) {
        YamlValue value = field(key);
        if (value != null) {
            throw value.error("not supported: " + why);
        }
    }

    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value, found a " + (node instanceof MappingNode ? "mapping" : "list"));
        }
        return scalar.getValue();
    }

    Located<String> located() {
        return new Located<>(text(), location());
    }

    /** A DSL identifier (service, SLO, label, severity or alert name). */
    Located<String> name() {
        String text = text();
        if (!NAME.matcher(text).matches()) {
            throw error("'" + text + "' is not a valid sloc name: use letters, digits, '_' and '-', starting "
                    + "with a letter or '_'");
        }
        return located();
    }

    /** A plain decimal such as 99.9 (no exponent, no sign). */
    String decimal() {
        String text = text();
        if (!DECIMAL.matcher(text).matches()) {
            throw error("'" + text + "' is not a plain decimal number such as 99.9");
        }
        return text;
    }

    boolean bool() {
        return switch (text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("expected true or false, found '" + text() + "'");
        };
    }

    List<YamlValue> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list");
        }
        List<YamlValue> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlValue(document, item, path + "[" + items.size() + "]"));
        }
        return items;
    }

    /** A mapping's entries in file order. */
    Map<YamlValue, YamlValue> entries() {
        Map<YamlValue, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping().getValue()) {
            YamlValue key = new YamlValue(document, tuple.getKeyNode(), path);
            entries.put(key, new YamlValue(document, tuple.getValueNode(), child(key.text())));
        }
        return entries;
    }

    /** A {@code name: value} mapping as a labels or annotations block. */
    List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        entries().forEach((key, value) -> pairs.add(new Pair(new YamlValue(document, key.node, value.path).name(),
                value.text(), key.location())));
        return pairs;
    }

    /**
     * A PromQL query, with Sloth's {@code {{.window}}} written as sloc's {@code $window}. The lines of a block
     * scalar after its first get their indentation back, so positions inside it are the file's (up to the first
     * {@code {{.window}}} of a line, which is four characters longer than its replacement).
     */
    PromqlText promql() {
        String text = text().replace("{{.window}}", "$window");
        ScalarStyle style = ((ScalarNode) node).getScalarStyle();
        if ((style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) && !text.isBlank()) {
            int firstLine = node.getStartMark().getLine() + 2;
            int indent = document.indentation(firstLine);
            List<String> lines = text.lines().toList();
            String indented = lines.get(0) + lines.stream().skip(1)
                    .map(l -> "\n" + (l.isEmpty() ? l : " ".repeat(indent) + l)).collect(Collectors.joining());
            return new PromqlText(indented, document.location(firstLine, indent + 1));
        }
        int quote = style == ScalarStyle.PLAIN ? 0 : 1;
        SourceLocation start = location();
        return new PromqlText(text, document.location(start.line(), start.column() + quote));
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode map)) {
            throw error("expected a mapping of fields");
        }
        return map;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
