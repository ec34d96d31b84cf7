package io.sloc.rules;

import io.sloc.diag.SourceLocation;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.os.GoPathError;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.golang.yaml.GoYamlReader;
import io.sloc.promql.Durations;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.parser.PromqlParseException;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.rules.RuleFileException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads Prometheus rule files and validates them like {@code promtool check rules} (rulefmt of Prometheus 2.42 or,
 * with a 3.x profile, 3.x): strict YAML (unknown fields are errors unless ignored), then per group and rule the
 * semantic checks, each message prefixed with the file name and located {@code line:col} where rulefmt locates it.
 * Each loaded rule keeps where it is written, taken from the same YAML nodes. 3.x adds group {@code labels} (merged
 * into every rule's) and {@code query_offset}, accepts UTF-8 metric and label names, and parses expressions with
 * the profile's PromQL.
 */
public final class RuleFileLoader {
    private static final Set<String> FILE_FIELDS = Set.of("groups");
    private static final Set<String> GROUP_FIELDS_2 = Set.of("name", "interval", "limit", "rules");
    private static final Set<String> GROUP_FIELDS_3 =
            Set.of("name", "interval", "query_offset", "limit", "rules", "labels");
    private static final Set<String> RULE_FIELDS =
            Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final String file;
    private final String[] lines;
    private final PromqlProfile profile;

    /** Validation of the text of {@code file}: its lines give block scalars' indentation. */
    private RuleFileLoader(String file, String text, PromqlProfile profile) {
        this.file = file;
        this.lines = text.split("\n", -1);
        this.profile = profile;
    }

    /**
     * Reads and validates a rule file as promtool 2.42 does; {@code displayPath} is how messages name it.
     *
     * @throws RuleFileException with every problem found
     */
    public static RuleFile load(Path file, String displayPath) {
        return load(file, displayPath, PromqlProfile.V2_42, false);
    }

    /**
     * Reads and validates a rule file as the promtool of {@code profile}'s version does; {@code displayPath} is how
     * messages name it; {@code ignoreUnknownFields} is promtool 3.x's option of that name.
     *
     * @throws RuleFileException with every problem found
     */
    public static RuleFile load(Path file, String displayPath, PromqlProfile profile, boolean ignoreUnknownFields) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw fail(displayPath, GoPathError.open(displayPath, e));
        }
        String text;
        try {
            text = GoYamlReader.decode(bytes);
        } catch (GoYaml.YamlError e) {
            throw yamlFailure(displayPath, e);
        }
        return parse(text, displayPath, profile, ignoreUnknownFields);
    }

    /**
     * Parses and validates rule-file text. Like rulefmt, the text is decoded twice, strictly into the rule model and
     * loosely into YAML nodes for positions; a problem both decodings hit (a syntax error, {@code groups} not being
     * a list) is therefore reported twice, exactly as promtool prints it.
     */
    public static RuleFile parse(String text, String displayPath) {
        return parse(text, displayPath, PromqlProfile.V2_42, false);
    }

    /** {@link #parse(String, String)} as the promtool of {@code profile}'s version does. */
    public static RuleFile parse(String text, String displayPath, PromqlProfile profile,
                                 boolean ignoreUnknownFields) {
        Node root;
        try {
            root = GoYaml.composeV3(text);
        } catch (GoYaml.YamlError e) {
            throw yamlFailure(displayPath, e);
        }
        List<GroupNode> groupNodes;
        GoYaml yaml = ignoreUnknownFields ? GoYaml.v3Lenient() : GoYaml.v3Strict();
        try {
            groupNodes = decode(root, yaml, profile.isPrometheus3() ? GoTypes.RULES_3 : GoTypes.RULES_2);
            yaml.throwCollected();
        } catch (GoYaml.YamlError e) {
            List<Problem> problems = new ArrayList<>(List.of(Problem.unpositioned(displayPath, e.getMessage())));
            nodeDecodingError(root, profile).ifPresent(n -> problems.add(Problem.unpositioned(displayPath, n)));
            throw new RuleFileException(displayPath, problems, e.line());
        }
        List<Problem> problems = new ArrayList<>();
        List<RuleGroup> groups = new RuleFileLoader(displayPath, text, profile).validate(groupNodes, problems);
        if (!problems.isEmpty()) {
            throw new RuleFileException(displayPath, problems, firstLine(groupNodes));
        }
        return new RuleFile(displayPath, groups);
    }

    /**
     * The error of rulefmt's second, position-keeping and lenient decoding, if any: in 2.42 of {@code groups} as a
     * list of raw nodes, in 3.x into typed group nodes, which repeats the first decoding's type errors.
     */
    private static Optional<String> nodeDecodingError(Node root, PromqlProfile profile) {
        GoYaml loose = GoYaml.v3Lenient();
        try {
            if (profile.isPrometheus3()) {
                decode(root, loose, GoTypes.NODES_3);
            } else {
                loose.struct(root, "rulefmt.ruleGroups", FILE_FIELDS, (k, v) -> loose.list(v, "[]yaml.Node", n -> n));
            }
            loose.throwCollected();
            return Optional.empty();
        } catch (GoYaml.YamlError e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The Go types rulefmt decodes into (their names appear in messages), and whether record, alert and expr are
     * strings (3.x's {@code Rule}) or raw nodes.
     */
    private record GoTypes(String file, String group, String rule, Set<String> groupFields, boolean stringNames) {
        static final GoTypes RULES_2 = new GoTypes("rulefmt.RuleGroups", "rulefmt.RuleGroup", "rulefmt.RuleNode",
                GROUP_FIELDS_2, false);
        static final GoTypes RULES_3 = new GoTypes("rulefmt.RuleGroups", "rulefmt.RuleGroup", "rulefmt.Rule",
                GROUP_FIELDS_3, true);
        static final GoTypes NODES_3 = new GoTypes("rulefmt.ruleGroups", "rulefmt.RuleGroupNode", "rulefmt.RuleNode",
                GROUP_FIELDS_3, false);
    }

    /** A problem of the YAML itself, which both of rulefmt's decodings hit: reported twice, as promtool does. */
    private static RuleFileException yamlFailure(String file, GoYaml.YamlError e) {
        Problem problem = Problem.unpositioned(file, e.getMessage());
        return new RuleFileException(file, List.of(problem, problem), e.line());
    }

    private static RuleFileException fail(String file, String message) {
        return new RuleFileException(file, List.of(Problem.unpositioned(file, message)), 0);
    }

    private static int firstLine(List<GroupNode> groups) {
        return groups.isEmpty() ? 0 : groups.get(0).line;
    }

    /** The decoded but unvalidated shape of a group, with the nodes rulefmt reports positions of. */
    private record GroupNode(String name, long intervalMs, long queryOffsetMs, int limit, List<RuleNode> rules,
                             Map<String, String> labels, int line, int column) {
    }

    private record RuleNode(Node nameKey, Node record, Node alert, Node expr, long forMs, long keepFiringForMs,
                            Map<String, String> labels, Map<String, String> annotations) {
        String text(Node n) {
            return n instanceof ScalarNode s && !GoYaml.isNull(n) ? s.getValue() : "";
        }
    }

    private static List<GroupNode> decode(Node root, GoYaml yaml, GoTypes types) {
        List<GroupNode> groups = new ArrayList<>();
        yaml.struct(root, types.file(), FILE_FIELDS, (key, value) -> groups.addAll(
                yaml.list(value, "[]" + types.group(), n -> decodeGroup(n, yaml, types))));
        return groups;
    }

    private static GroupNode decodeGroup(Node n, GoYaml yaml, GoTypes types) {
        String[] name = {""};
        long[] interval = {0, 0};
        int[] limit = {0};
        List<RuleNode> rules = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        boolean isMap = yaml.struct(n, types.group(), types.groupFields(),
                (key, value) -> {
                    switch (key) {
                        case "name" -> name[0] = yaml.string(value);
                        case "interval" -> interval[0] = duration(value, yaml);
                        case "query_offset" -> interval[1] = duration(value, yaml);
                        case "limit" -> limit[0] = yaml.int64(value, "int");
                        case "labels" -> labels.putAll(yaml.stringMap(value));
                        default -> rules.addAll(yaml.list(value, "[]" + types.rule(),
                                r -> decodeRule(r, yaml, types)));
                    }
                });
        return isMap ? new GroupNode(name[0], interval[0], interval[1], limit[0], rules, labels, GoYaml.line(n),
                GoYaml.column(n)) : null;
    }

    private static RuleNode decodeRule(Node n, GoYaml yaml, GoTypes types) {
        Map<String, Node> nodes = new HashMap<>();
        long[] forMs = {0, 0};
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        boolean isMap = yaml.struct(n, types.rule(), RULE_FIELDS, (key, value) -> {
            switch (key) {
                case "for" -> forMs[0] = duration(value, yaml);
                case "keep_firing_for" -> forMs[1] = duration(value, yaml);
                case "labels" -> labels.putAll(yaml.stringMap(value));
                case "annotations" -> annotations.putAll(yaml.stringMap(value));
                // record, alert and expr: any node in 2.42's rulefmt (yaml.Node fields), strings in 3.x's.
                default -> {
                    if (types.stringNames()) {
                        yaml.string(value);
                    }
                    nodes.put(key, value);
                }
            }
        });
        return isMap ? new RuleNode(nameKey(n), nodes.get("record"), nodes.get("alert"), nodes.get("expr"), forMs[0],
                forMs[1], labels, annotations) : null;
    }

    /** A rule's {@code record:} key, else its {@code alert:} key (null if it has neither): where the rule is. */
    private static Node nameKey(Node rule) {
        List<Node> keys = rule instanceof MappingNode map
                ? map.getValue().stream().map(NodeTuple::getKeyNode).toList() : List.of();
        return Stream.of("record", "alert").flatMap(name -> keys.stream()
                .filter(k -> k instanceof ScalarNode s && s.getValue().equals(name))).findFirst().orElse(null);
    }

    /** A Prometheus model.Duration field; a bad one aborts decoding, as its YAML unmarshaler does. */
    public static long duration(Node n, GoYaml yaml) {
        if (GoYaml.isNull(n)) {
            return 0;
        }
        String text = yaml.scalarText(n, "string");
        if (text == null) {
            return 0;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new GoYaml.YamlError(e.getMessage(), GoYaml.line(n));
        }
    }

    private List<RuleGroup> validate(List<GroupNode> groupNodes, List<Problem> errors) {
        List<RuleGroup> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (GroupNode g : groupNodes) {
            SourceLocation at = new SourceLocation(file, g.line, g.column);
            if (g.name.isEmpty()) {
                errors.add(Problem.at(at, "Groupname must not be empty"));
            }
            if (!names.add(g.name)) {
                errors.add(Problem.at(at, "groupname: \"" + g.name + "\" is repeated in the same file"));
            }
            g.labels.forEach((k, v) -> {
                if (!validLabelName(k) || k.equals("__name__")) {
                    errors.add(Problem.unpositioned(file, "invalid label name: " + k));
                }
            });
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < g.rules.size(); i++) {
                RuleNode r = g.rules.get(i);
                String ruleName = r.text(r.alert).isEmpty() ? r.text(r.record) : r.text(r.alert);
                String prefix = "group \"" + g.name + "\", rule " + (i + 1) + ", " + goQuote(ruleName) + ": ";
                List<Problem> ruleErrors = new ArrayList<>();
                Rule rule = validateRule(r, g.labels, ruleErrors, prefix);
                errors.addAll(ruleErrors);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            groups.add(new RuleGroup(g.name, g.intervalMs, g.queryOffsetMs, g.limit, rules));
        }
        return groups;
    }

    /** Prometheus 3.x accepts any non-empty UTF-8 name (its default UTF-8 validation scheme). */
    private boolean validLabelName(String name) {
        return profile.isPrometheus3() ? !name.isEmpty() : LABEL_NAME.matcher(name).matches();
    }

    private boolean validMetricName(String name) {
        return profile.isPrometheus3() ? !name.isEmpty() : METRIC_NAME.matcher(name).matches();
    }

    private Rule validateRule(RuleNode r, Map<String, String> groupLabels, List<Problem> errors, String prefix) {
        String record = r.text(r.record);
        String alert = r.text(r.alert);
        String exprText = r.text(r.expr);
        if (!record.isEmpty() && !alert.isEmpty()) {
            // rulefmt's second position, of the alert, leads the message.
            errors.add(Problem.at(at(r.record), GoYaml.line(r.alert) + ":" + GoYaml.column(r.alert) + ": " + prefix
                    + "only one of 'record' and 'alert' must be set"));
        }
        if (record.isEmpty() && alert.isEmpty()) {
            // 3.x's rulefmt also gives the alert node's position.
            String alertAt = profile.isPrometheus3() ? at(r.alert).line() + ":" + at(r.alert).column() + ": " : "";
            errors.add(Problem.at(at(r.record), alertAt + prefix + "one of 'record' or 'alert' must be set"));
        }
        Expr expr = null;
        if (exprText.isEmpty()) {
            errors.add(Problem.at(at(r.expr), prefix + "field 'expr' must be set in rule"));
        } else {
            try {
                expr = PromqlParser.parse(exprText, profile);
            } catch (PromqlParseException e) {
                errors.add(Problem.at(at(r.expr), prefix + "could not parse expression: " + e.prometheusMessage()));
            }
        }
        if (!record.isEmpty()) {
            if (!r.annotations.isEmpty()) {
                errors.add(Problem.at(at(r.record), prefix + "invalid field 'annotations' in recording rule"));
            }
            if (r.forMs != 0) {
                errors.add(Problem.at(at(r.record), prefix + "invalid field 'for' in recording rule"));
            }
            if (r.keepFiringForMs != 0) {
                errors.add(Problem.at(at(r.record), prefix + "invalid field 'keep_firing_for' in recording rule"));
            }
            if (!validMetricName(record)) {
                errors.add(Problem.at(at(r.record), prefix + "invalid recording rule name: " + record));
            }
            if (profile.isPrometheus3() && (record.contains("{") || record.contains("}"))) {
                errors.add(Problem.at(at(r.record),
                        prefix + "braces present in the recording rule name; should it be in expr?: " + record));
            }
        }
        for (String name : r.labels.keySet()) {
            if (!validLabelName(name) || name.equals("__name__")) {
                errors.add(Problem.unpositioned(file, prefix + "invalid label name: " + name));
            }
        }
        for (String name : r.annotations.keySet()) {
            if (!validLabelName(name)) {
                errors.add(Problem.unpositioned(file, prefix + "invalid annotation name: " + name));
            }
        }
        if (!alert.isEmpty()) {
            r.labels.forEach((k, v) -> AlertTemplates.syntaxError(alert, v)
                    .ifPresent(e -> errors.add(Problem.unpositioned(file, prefix + "label " + goQuote(k) + ": " + e))));
            r.annotations.forEach((k, v) -> AlertTemplates.syntaxError(alert, v)
                    .ifPresent(e -> errors.add(Problem.unpositioned(file,
                            prefix + "annotation " + goQuote(k) + ": " + e))));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ExprPositions positions = ExprPositions.of(file, (ScalarNode) r.expr, lines);
        // A rule's own labels override its group's.
        Map<String, String> labels = new LinkedHashMap<>(groupLabels);
        labels.putAll(r.labels);
        return alert.isEmpty()
                ? new RecordingRule(record, exprText, expr, labels, at(r.nameKey), positions)
                : new AlertingRule(alert, exprText, expr, r.forMs, r.keepFiringForMs, labels, r.annotations,
                        at(r.nameKey), positions);
    }

    /** Where a node is written; line and column 0 for an absent one (rulefmt's {@code 0:0}). */
    private SourceLocation at(Node n) {
        return n == null ? new SourceLocation(file, 0, 0) : new SourceLocation(file, GoYaml.line(n), GoYaml.column(n));
    }

    private static String goQuote(String s) {
        return GoQuote.quote(s);
    }
}
