package io.sloc.golang.yaml;

import io.sloc.golang.strconv.GoQuote;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Strict YAML decoding that reports errors the way Go's yaml packages do under promtool ({@code UnmarshalStrict},
 * {@code KnownFields(true)}): type errors and unknown fields are collected and reported together as
 * {@code yaml: unmarshal errors:\n  line N: ...}; a failing custom unmarshaler (a bad duration) aborts at once with
 * its own message; syntax errors read {@code yaml: line N: <libyaml problem>}.
 *
 * <p>Binding is written by hand against the composed node tree (SnakeYAML, which Jackson's YAML module uses
 * underneath) because exact go-yaml messages need the node tags and lines that a data binder hides.
 *
 * <p>Follows gopkg.in/yaml.v2 2.4.0 and gopkg.in/yaml.v3 3.0.1, as vendored by Prometheus 2.42 (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoYaml {
    /** go-yaml's alias-bomb guard (decode.go allowedAliasRatio): ratio bounds, in decoded values. */
    private static final long ALIAS_RATIO_RANGE_LOW = 400_000;
    private static final long ALIAS_RATIO_RANGE_HIGH = 4_000_000;
    /** go-yaml's bound on nested flow collections and indentation levels (scannerc.go max_flow_level). */
    private static final int MAX_DEPTH = 10_000;
    private static final Pattern COMMENT = Pattern.compile("(^|[ \\t])#");
    /** Words that end a line without a plain scalar: indicators, quoted scalars, anchors, aliases and tags. */
    private static final Pattern NOT_PLAIN_END = Pattern.compile("[-?]|.*[:\\[\\]{},\"']|[&*!].*|[|>][-+0-9]*");
    private static final Pattern KEY_OR_ENTRY = Pattern.compile("^\\s*- |:\\s");
    private static final Pattern BLOCK_SCALAR_HEADER = Pattern.compile("(^|[ \\t])[|>][-+0-9]*$");
    private static final Pattern YAML_VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final List<String> typeErrors = new ArrayList<>();
    /** Nodes decoded so far: decoding one again means an alias expanded it. */
    private final Set<Node> decoded = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Starts with the document node. */
    private long decodeCount = 1;
    private long aliasCount;
    private final boolean strict;
    private final boolean v3;

    private GoYaml(boolean strict, boolean v3) {
        this.strict = strict;
        this.v3 = v3;
    }

    /** gopkg.in/yaml.v2 {@code UnmarshalStrict}, as promtool reads test files. */
    public static GoYaml v2Strict() {
        return new GoYaml(true, false);
    }

    /** gopkg.in/yaml.v3 with {@code KnownFields(true)}, as rulefmt reads rule files. */
    public static GoYaml v3Strict() {
        return new GoYaml(true, true);
    }

    /** gopkg.in/yaml.v3 without known-field checks (rulefmt's second, position-keeping decoding). */
    public static GoYaml v3Lenient() {
        return new GoYaml(false, true);
    }

    /** A YAML problem, already worded like promtool prints it. */
    public static final class YamlError extends RuntimeException {
        private final int line;

        public YamlError(String message, int line) {
            super(message);
            this.line = line;
        }

        /** 1-based line of the first problem, 0 when unknown. */
        public int line() {
            return line;
        }
    }

    /** Parses one YAML document with gopkg.in/yaml.v2's error wording (promtool's test files); null if empty. */
    public static Node compose(String text) {
        return compose(text, false);
    }

    /**
     * Parses one YAML document with gopkg.in/yaml.v3's error wording (rule files), which locates parser problems
     * by their context rather than by the offending token.
     */
    public static Node composeV3(String text) {
        return compose(text, true);
    }

    private static Node compose(String text, boolean v3) {
        checkDirectives(text);
        String readable = SeparatingTabs.asSpaces(text);
        while (true) {
            try {
                return compose(readable, text, v3);
            } catch (FlowTab tab) {
                // libyaml skips tabs between tokens in flow collections; SnakeYAML does not, so read one as a space.
                readable = readable.substring(0, tab.offset) + ' ' + readable.substring(tab.offset + 1);
            }
        }
    }

    /** A tab SnakeYAML refused between the tokens of a flow collection ({@code [ ]}, <code>{ }</code>). */
    private static final class FlowTab extends RuntimeException {
        private final int offset;

        FlowTab(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    private static Node compose(String readable, String text, boolean v3) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        // Aliases are bounded while decoding, as go-yaml bounds them (decoding()).
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(MAX_DEPTH);
        try {
            // go-yaml decodes the first document only; later ones are never even parsed.
            return DeepStack.call(() -> {
                Composer composer = new ExplicitTagComposer(
                        new ParserImpl(new StreamReader(new StringReader(readable)), options), options, v3);
                Node node = composer.checkNode() ? composer.getNode() : null;
                invalidUnicodeEscape(readable, readable.length(), v3).ifPresent(error -> {
                    throw error;
                });
                return node;
            });
        } catch (MarkedYAMLException e) {
            int tab = tabOffset(e, readable);
            if (tab >= 0 && YamlText.inFlowCollection(readable, tab)) {
                throw new FlowTab(tab);
            }
            throw invalidUnicodeEscape(readable, offset(readable, e.getProblemMark()), v3)
                    .orElseGet(() -> syntaxError(e, v3, text));
        } catch (YAMLException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Nesting Depth exceeded")) {
                throw tooDeep(text);
            }
            throw new YamlError("yaml: " + e.getMessage(), 0);
        }
    }

    /** Where in the text the tab a scanner error is about stands; -1 if it is about something else. */
    private static int tabOffset(MarkedYAMLException e, String text) {
        if (!(e instanceof ScannerException) || e.getProblemMark() == null || e.getProblem() == null
                || !e.getProblem().contains("(TAB)")) {
            return -1;
        }
        int offset = offset(text, e.getProblemMark());
        return offset < text.length() && text.charAt(offset) == '\t' ? offset : -1;
    }

    /** The index in {@code text} of a mark (its line and column); the text's end without one. */
    private static int offset(String text, Mark mark) {
        if (mark == null) {
            return text.length();
        }
        int offset = 0;
        for (int line = 0; line < mark.getLine() && offset >= 0; line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.min(text.length(), Math.max(0, offset) + mark.getColumn());
    }

    /**
     * libyaml refuses a Unicode escape (<code>&#92;u</code>) of a surrogate (or one beyond U+10FFFF) in a
     * double-quoted scalar, which SnakeYAML reads: the error, if such an escape comes before {@code end}.
     */
    private static Optional<YamlError> invalidUnicodeEscape(String text, int end, boolean v3) {
        int[] lines = YamlText.invalidUnicodeEscape(text, end);
        return lines == null ? Optional.empty()
                : Optional.of(scannerError("found invalid Unicode character escape code", lines[0],
                        lines[1], v3));
    }

    /**
     * The directives that open the stream, as go-yaml reads them: {@code %YAML 1.1} and {@code %TAG} only (SnakeYAML
     * takes any 1.x version and ignores unknown directives). Lines are 0-based, printed unless 0, plus one for the
     * scanner's problem.
     */
    private static void checkDirectives(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!line.startsWith("%")) {
                return;
            }
            String[] words = line.substring(1).strip().split("[ \t]+");
            Matcher version = YAML_VERSION.matcher(words.length > 1 ? words[1] : "");
            if (words[0].equals("YAML") && version.matches() && (Integer.parseInt(version.group(1)) != 1
                    || Integer.parseInt(version.group(2)) != 1)) {
                throw located(i, "found incompatible YAML document");
            }
            if (!words[0].equals("YAML") && !words[0].equals("TAG")) {
                throw located(i == 0 ? 0 : i + 1, "found unknown directive name");
            }
        }
    }

    private static YamlError located(int line, String problem) {
        return new YamlError("yaml: " + (line == 0 ? "" : "line " + line + ": ") + problem, line);
    }

    /**
     * libyaml's scanner error for the bracket or indentation that nests deeper than {@value #MAX_DEPTH}, located
     * (as scanner errors are) at its 0-based line plus one, so that the first line has none.
     */
    private static YamlError tooDeep(String text) {
        int depth = 0;
        int line = 0;
        for (int i = 0; i < text.length() && depth <= MAX_DEPTH; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        boolean found = depth > MAX_DEPTH;
        String where = found && line > 0 ? "line " + (line + 1) + ": " : "";
        return new YamlError("yaml: " + where + "exceeded max depth of " + MAX_DEPTH, found ? line + 1 : 0);
    }

    /**
     * go-yaml prints the 0-based line of a mark (a quirk), plus one for scanner errors; v2 prefers the problem
     * mark, v3 the context mark.
     */
    private static YamlError syntaxError(MarkedYAMLException e, boolean v3, String text) {
        int problemLine = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
        int contextLine = e.getContextMark() == null ? 0 : e.getContextMark().getLine();
        IndentingTab tab = indentingTab(e, text);
        if (tab != null) {
            // libyaml's context here is the scalar the tab interrupts.
            contextLine = tab.scalarLine();
        }
        String problem = tab != null ? tab.problem() : libyamlProblem(e);
        if (e instanceof ScannerException) {
            return scannerError(problem, problemLine, contextLine, v3);
        }
        int line = goLine(problemLine, contextLine, v3);
        // An unknown alias is found after parsing, by the decoder, which gives no line.
        String where = line != 0 && !(e instanceof ComposerException) ? "line " + line + ": " : "";
        return new YamlError("yaml: " + where + problem, line);
    }

    /** A scanner error, located (unlike the others) at its 0-based line plus one. */
    private static YamlError scannerError(String problem, int problemLine, int contextLine, boolean v3) {
        int line = goLine(problemLine, contextLine, v3);
        line = line != 0 ? line + 1 : 0;
        return new YamlError("yaml: " + (line != 0 ? "line " + line + ": " : "") + problem, line);
    }

    /** The 0-based line go-yaml prints: v2 prefers the problem mark's, v3 the context mark's, whichever is not 0. */
    private static int goLine(int problemLine, int contextLine, boolean v3) {
        int first = v3 ? contextLine : problemLine;
        return first != 0 ? first : (v3 ? problemLine : contextLine);
    }

    /** A tab libyaml finds in the indentation of a scalar that starts on (0-based) {@code scalarLine}. */
    private record IndentingTab(String problem, int scalarLine) {
    }

    /**
     * libyaml's problem with a tab in a line's leading whitespace: inside a block scalar ({@code |}) it stands where
     * an indentation space is expected; while libyaml is still reading a plain scalar that ended the last non-blank
     * line (it may go on there) it violates the indentation; elsewhere (null here) it cannot start a token.
     */
    private static IndentingTab indentingTab(MarkedYAMLException e, String text) {
        if (!(e instanceof ScannerException) || e.getProblemMark() == null
                || e.getProblem() == null || !e.getProblem().contains("(TAB)")) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        int line = e.getProblemMark().getLine();
        int column = e.getProblemMark().getColumn();
        if (line >= lines.length || column > lines[line].length() || !lines[line].substring(0, column).isBlank()) {
            return null;
        }
        int previous = line - 1;
        while (previous >= 0 && lines[previous].isBlank()) {
            previous--;
        }
        if (previous < 0) {
            return null;
        }
        int header = blockScalarHeader(lines, previous);
        if (header >= 0) {
            return new IndentingTab("found a tab character where an indentation space is expected", header);
        }
        String content = lines[previous].strip();
        String lastWord = content.substring(Math.max(content.lastIndexOf(' '), content.lastIndexOf('\t')) + 1);
        boolean plain = !COMMENT.matcher(content).find() && !NOT_PLAIN_END.matcher(lastWord).matches();
        return plain ? new IndentingTab("found a tab character that violates indentation", plainStart(lines, previous))
                : null;
    }

    /** The line a plain scalar ending on line {@code i} starts on: the nearest with a key or an entry before it. */
    private static int plainStart(String[] lines, int i) {
        int start = i;
        for (int j = i; j >= 0 && !KEY_OR_ENTRY.matcher(lines[start]).find(); j--) {
            if (!lines[j].isBlank()) {
                start = j;
            }
        }
        return start;
    }

    /**
     * The line of the block scalar header ({@code |}) that line {@code i} is, or is the content of (a less indented
     * line, or one less indented still, ends with it); -1 if none.
     */
    private static int blockScalarHeader(String[] lines, int i) {
        int indent = Integer.MAX_VALUE;
        for (int j = i; j >= 0 && indent > 0; j--) {
            if (!lines[j].isBlank() && indentation(lines[j]) < indent) {
                if (BLOCK_SCALAR_HEADER.matcher(lines[j].strip()).find()) {
                    return j;
                }
                indent = indentation(lines[j]);
            }
        }
        return -1;
    }

    private static int indentation(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String libyamlProblem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (e instanceof ScannerException) {
            if (problem.startsWith("mapping values are not allowed")) {
                return "mapping values are not allowed in this context";
            }
            if (problem.contains("that cannot start any token")) {
                return "found character that cannot start any token";
            }
            if (problem.startsWith("found unknown escape character")) {
                return "found unknown escape character";
            }
            if (problem.startsWith("sequence entries are not allowed")) {
                return "block sequence entries are not allowed in this context";
            }
            if (problem.startsWith("expected escape sequence of")) {
                return "did not find expected hexdecimal number";
            }
            if (problem.startsWith("expected alphabetic or numeric character")) {
                return "did not find expected alphabetic or numeric character";
            }
            return problem;
        }
        if (e instanceof ParserException) {
            if (context.contains("block collection")) {
                return "did not find expected '-' indicator";
            }
            if (context.contains("block mapping")) {
                return "did not find expected key";
            }
            if (context.contains("flow sequence")) {
                return "did not find expected ',' or ']'";
            }
            if (context.contains("flow mapping")) {
                return "did not find expected ',' or '}'";
            }
            if (problem.startsWith("expected the node content")) {
                return "did not find expected node content";
            }
            if (problem.contains("<document start>")) {
                return "did not find expected <document start>";
            }
            return problem;
        }
        if (e instanceof ComposerException && problem.startsWith("found undefined alias")) {
            return "unknown anchor '" + problem.substring("found undefined alias".length()).trim()
                    + "' referenced";
        }
        return problem.isEmpty() ? context : problem;
    }

    /**
     * Throws the collected type errors, if any, as one go-yaml {@code unmarshal errors} message (located at the
     * first one's line; the values they quote may span lines).
     */
    public void throwCollected() {
        if (!typeErrors.isEmpty()) {
            throw new YamlError("yaml: unmarshal errors:\n  " + String.join("\n  ", typeErrors),
                    Integer.parseInt(typeErrors.get(0).replaceAll("(?s)^line (\\d+):.*", "$1")));
        }
    }

    public static boolean isNull(Node n) {
        return n == null || n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** 1-based line of a node. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** 1-based column of a node. */
    public static int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    /**
     * Decodes a Go struct: each key goes to {@code field} in go-yaml's order (so errors come out in its order);
     * unknown and repeated keys are recorded as errors; merge keys ({@code <<: *defaults}) are resolved as the
     * version does (see {@link #structV2} and {@link #structV3}). Returns false (after recording an error) when the
     * node is neither a mapping nor null.
     */
    public boolean struct(Node n, String goType, Set<String> knownFields, BiConsumer<String, Node> field) {
        boolean expanded = decoding(n);
        if (isNull(n)) {
            return true;
        }
        if (!(n instanceof MappingNode map)) {
            typeError(n, goType);
            return false;
        }
        if (v3) {
            structV3(map, goType, knownFields, field, null, expanded);
        } else {
            structV2(map, goType, knownFields, field, expanded);
        }
        return true;
    }

    /**
     * yaml.v2: keys in document order; a merge decodes the merged mappings into the same struct where it stands
     * (a sequence of them from last to first), so what it sets overwrites earlier keys and later keys overwrite it.
     */
    private void structV2(MappingNode map, String goType, Set<String> knownFields, BiConsumer<String, Node> field,
                          boolean expanded) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            aliasSlot(end(t.getKeyNode()), t.getValueNode(), expanded);
            if (isMerge(t.getKeyNode())) {
                mergedMappings(t.getValueNode(), true, expanded)
                        .forEach(m -> structV2(m, goType, knownFields, field, decoding(m)));
                continue;
            }
            decoding(t.getKeyNode());
            structField(t, fieldName(t.getKeyNode()), goType, knownFields, seen, field);
        }
    }

    /**
     * yaml.v3: a mapping with a repeated key is reported and left undecoded; its own keys come first, then the
     * merged mappings in order, each key only if no earlier one (own or merged) had its name.
     */
    private void structV3(MappingNode map, String goType, Set<String> knownFields, BiConsumer<String, Node> field,
                          Set<String> merged, boolean expanded) {
        if (duplicateKeys(map)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Node merge = null;
        for (NodeTuple t : map.getValue()) {
            aliasSlot(end(t.getKeyNode()), t.getValueNode(), expanded);
            if (isMerge(t.getKeyNode())) {
                merge = t.getValueNode();
                continue;
            }
            decoding(t.getKeyNode());
            String key = fieldName(t.getKeyNode());
            if (merged == null || merged.add(key)) {
                structField(t, key, goType, knownFields, seen, field);
            }
        }
        if (merge != null) {
            Set<String> names = merged != null ? merged : keys(map);
            mergedMappings(merge, false, expanded)
                    .forEach(m -> structV3(m, goType, knownFields, field, names, decoding(m)));
        }
    }

    private void structField(NodeTuple t, String key, String goType, Set<String> knownFields, Set<String> seen,
                             BiConsumer<String, Node> field) {
        if (!knownFields.contains(key)) {
            if (strict) {
                typeErrors.add("line " + line(t.getKeyNode()) + ": field " + key + " not found in type " + goType);
            }
        } else if (!seen.add(key)) {
            typeErrors.add("line " + line(t.getKeyNode()) + ": field " + key + " already set in type " + goType);
        } else {
            field.accept(key, t.getValueNode());
        }
    }

    /** A plain {@code <<} (or one tagged {@code !!merge}); a quoted one is an ordinary key. */
    private static boolean isMerge(Node key) {
        return key instanceof ScalarNode s && s.getValue().equals("<<") && s.getTag().equals(Tag.MERGE);
    }

    /** The mappings a merge key's value names: a mapping or a sequence of them; anything else aborts decoding. */
    private List<MappingNode> mergedMappings(Node value, boolean lastFirst, boolean expanded) {
        List<MappingNode> out = new ArrayList<>();
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        int slotStart = start(value);
        for (Node item : items) {
            if (item != value) {
                aliasSlot(slotStart, item, expanded);
                slotStart = end(item);
            }
            if (!(item instanceof MappingNode m)) {
                throw new YamlError("yaml: map merge requires map or sequence of maps as the value", line(item));
            }
            out.add(lastFirst ? 0 : out.size(), m);
        }
        return out;
    }

    private static String keyText(Node key) {
        return key instanceof ScalarNode k ? k.getValue() : "";
    }

    /** A key as the struct field name go-yaml looks up: decoded into a string, so a null key ({@code ~}) is "". */
    private static String fieldName(Node key) {
        return isNull(key) ? "" : keyText(key);
    }

    private static Set<String> keys(MappingNode map) {
        Set<String> out = new HashSet<>();
        map.getValue().forEach(t -> out.add(keyText(t.getKeyNode())));
        return out;
    }

    /**
     * yaml.v3 reports every repeated key of a mapping (each later occurrence against each earlier one) and then
     * leaves the mapping undecoded.
     */
    private boolean duplicateKeys(MappingNode map) {
        List<NodeTuple> tuples = map.getValue();
        boolean found = false;
        for (int j = 0; j < tuples.size(); j++) {
            for (int i = 0; i < j; i++) {
                Node a = tuples.get(i).getKeyNode();
                Node b = tuples.get(j).getKeyNode();
                if (a instanceof ScalarNode x && b instanceof ScalarNode y && x.getValue().equals(y.getValue())) {
                    typeErrors.add("line " + line(b) + ": mapping key " + GoQuote.quote(y.getValue())
                            + " already defined at line " + line(a));
                    found = true;
                }
            }
        }
        return found;
    }

    /**
     * Sets a slice field decoded once more (a yaml.v2 merge key decodes into fields already set): the new slice
     * replaces the old.
     */
    public static <T> void assign(List<T> field, List<T> decoded) {
        field.clear();
        field.addAll(decoded);
    }

    /** A Go string: any scalar's text (a {@code !!binary} one's decoded bytes); null is "". */
    public String string(Node n) {
        decoding(n);
        explicitTag(n);
        if (isNull(n)) {
            return "";
        }
        if (n instanceof ScalarNode s) {
            return text(s);
        }
        typeError(n, "string");
        return "";
    }

    /** A Go float64: ints and floats; null is 0. */
    public double float64(Node n) {
        decoding(n);
        explicitTag(n);
        if (isNull(n)) {
            return 0;
        }
        if (n instanceof ScalarNode s) {
            Double v = number(s);
            if (v != null) {
                return v;
            }
        }
        typeError(n, "float64");
        return 0;
    }

    /** A Go bool: YAML 1.1 booleans (true/false, yes/no, on/off, y/n); null is false. */
    public boolean bool(Node n) {
        decoding(n);
        explicitTag(n);
        if (isNull(n)) {
            return false;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Set.of("y", "yes", "true", "on").contains(s.getValue().toLowerCase(Locale.ROOT));
        }
        typeError(n, "bool");
        return false;
    }

    /** A Go int (rule group limit): an int, or a float truncated. */
    public int int64(Node n, String goType) {
        decoding(n);
        explicitTag(n);
        if (isNull(n)) {
            return 0;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            BigInteger v = integer(s.getValue());
            if (v != null && v.bitLength() < 32) {
                return v.intValue();
            }
        }
        // A float (5.5, or !!float 5) is truncated, as go-yaml converts it.
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.FLOAT)) {
            Double v = number(s);
            if (v != null && v <= Long.MAX_VALUE && (long) v.doubleValue() == (int) v.doubleValue()) {
                return (int) v.doubleValue();
            }
        }
        typeError(n, goType);
        return 0;
    }

    /** A Go slice; null is empty; a non-sequence is a type error. */
    public <T> List<T> list(Node n, String goType, Function<Node, T> element) {
        boolean expanded = decoding(n);
        List<T> out = new ArrayList<>();
        if (isNull(n)) {
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            typeError(n, goType);
            return out;
        }
        int slotStart = start(seq);
        for (Node item : seq.getValue()) {
            aliasSlot(slotStart, item, expanded);
            slotStart = end(item);
            T value = element.apply(item);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /**
     * A Go {@code map[string]string}, keys in document order with merge keys resolved: yaml.v2 merges where the
     * merge key stands and reports a key set twice (at the line of its value); yaml.v3 reports repeated keys of one mapping and lets own keys
     * win over merged ones.
     */
    public Map<String, String> stringMap(Node n) {
        boolean expanded = decoding(n);
        Map<String, String> out = new LinkedHashMap<>();
        if (isNull(n)) {
            return out;
        }
        if (!(n instanceof MappingNode map)) {
            typeError(n, "map[string]string");
            return out;
        }
        if (v3) {
            stringMapV3(map, out, null, expanded);
        } else {
            stringMapV2(map, out, expanded);
        }
        return out;
    }

    private void stringMapV2(MappingNode map, Map<String, String> out, boolean expanded) {
        for (NodeTuple t : map.getValue()) {
            aliasSlot(end(t.getKeyNode()), t.getValueNode(), expanded);
            if (isMerge(t.getKeyNode())) {
                mergedMappings(t.getValueNode(), true, expanded).forEach(m -> stringMapV2(m, out, decoding(m)));
                continue;
            }
            String key = string(t.getKeyNode());
            if (out.containsKey(key)) {
                typeErrors.add("line " + line(t.getValueNode()) + ": key \"" + key + "\" already set in map");
                continue;
            }
            out.put(key, string(t.getValueNode()));
        }
    }

    private void stringMapV3(MappingNode map, Map<String, String> out, Set<String> merged, boolean expanded) {
        if (duplicateKeys(map)) {
            return;
        }
        Node merge = null;
        for (NodeTuple t : map.getValue()) {
            aliasSlot(end(t.getKeyNode()), t.getValueNode(), expanded);
            if (isMerge(t.getKeyNode())) {
                merge = t.getValueNode();
                continue;
            }
            String key = string(t.getKeyNode());
            if (merged == null || merged.add(key)) {
                out.put(key, string(t.getValueNode()));
            }
        }
        if (merge != null) {
            Set<String> names = merged != null ? merged : keys(map);
            mergedMappings(merge, false, expanded).forEach(m -> stringMapV3(m, out, names, decoding(m)));
        }
    }

    /** A scalar given to a custom unmarshaler that reads a string (durations): any scalar's text. */
    public String scalarText(Node n, String goType) {
        // Decoded twice: as the field, then as the string the unmarshaler asks for.
        count(decoding(n));
        explicitTag(n);
        if (n instanceof ScalarNode s) {
            return text(s);
        }
        typeError(n, "string");
        return null;
    }

    /** A scalar with an explicit tag its text does not resolve to aborts decoding, as in go-yaml. */
    private void explicitTag(Node n) {
        if (n instanceof ScalarNode s && ExplicitTagComposer.isExplicit(s)) {
            GoTags.problem(shortTag(s), s.getValue(), v3).ifPresent(problem -> {
                throw new YamlError(problem, line(s));
            });
        }
    }

    /** The Go string a scalar decodes to: its text, or for {@code !!binary} the bytes its base64 text stands for. */
    private static String text(ScalarNode s) {
        return ExplicitTagComposer.isExplicit(s) && s.getTag().equals(Tag.BINARY)
                ? GoTags.base64(s.getValue()).orElseThrow() : s.getValue();
    }

    /**
     * Counts one decoded value as go-yaml does and aborts, like it, once aliases make up too much of the decoding
     * (a small document may be 99% alias expansion, a large one 10%).
     */
    private boolean decoding(Node n) {
        boolean again = n != null && !decoded.add(n);
        count(again);
        return again;
    }

    /**
     * go-yaml also decodes the alias node itself (part of an expansion when its container is): a slot holds an
     * alias when its node starts before the slot does (an anchor precedes its aliases).
     */
    private void aliasSlot(int slotStart, Node slot, boolean expanded) {
        if (start(slot) < slotStart) {
            count(expanded);
        }
    }

    private static int start(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getIndex();
    }

    private static int end(Node n) {
        return n.getEndMark() == null ? 0 : n.getEndMark().getIndex();
    }

    private void count(boolean alias) {
        decodeCount++;
        if (alias) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio()) {
            throw new YamlError("yaml: document contains excessive aliasing", 0);
        }
    }

    private double allowedAliasRatio() {
        if (decodeCount <= ALIAS_RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * (decodeCount - ALIAS_RATIO_RANGE_LOW)
                / (double) (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW);
    }

    private void typeError(Node n, String goType) {
        String value = "";
        if (n instanceof ScalarNode s) {
            String text = s.getValue();
            value = text.length() > 10 ? " `" + text.substring(0, 7) + "...`" : " `" + text + "`";
        }
        typeErrors.add("line " + line(n) + ": cannot unmarshal " + shortTag(n) + value + " into " + goType);
    }

    private static String shortTag(Node n) {
        Tag tag = n.getTag();
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static Double number(ScalarNode s) {
        String text = s.getValue().replace("_", "");
        if (s.getTag().equals(Tag.INT)) {
            BigInteger v = integer(text);
            return v == null ? null : v.doubleValue();
        }
        if (s.getTag().equals(Tag.FLOAT)) {
            String lower = text.toLowerCase();
            if (lower.endsWith(".inf")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (lower.equals(".nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static BigInteger integer(String text) {
        return GoTags.goInteger(text.replace("_", ""));
    }
}
