package io.sloc.check.lint;

import io.sloc.diag.SourceLocation;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where each rule of an already validated rule file is written. The rule model carries no positions, so
 * the YAML is composed once more, as the loader composes it (first document only), and walked in the same order
 * as the model: {@code groups[i].rules[j]}.
 */
public final class RuleLocator {
    private RuleLocator() {
    }

    public static LocatedRuleFile locate(RuleFile file, String yamlText) {
        List<Node> groupNodes = items(value(GoYaml.composeV3(yamlText), "groups"));
        String[] lines = yamlText.split("\n", -1);
        List<LocatedRule> located = new ArrayList<>();
        for (int g = 0; g < file.groups().size(); g++) {
            RuleGroup group = file.groups().get(g);
            List<Node> ruleNodes = g < groupNodes.size() ? items(value(groupNodes.get(g), "rules")) : List.of();
            for (int r = 0; r < group.rules().size(); r++) {
                Rule rule = group.rules().get(r);
                Node node = r < ruleNodes.size() ? ruleNodes.get(r) : null;
                located.add(new LocatedRule(group.name(), rule, keyLocation(file.path(), node),
                        exprPositions(file.path(), value(node, "expr"), rule.exprText(), lines)));
            }
        }
        return new LocatedRuleFile(file, located);
    }

    private static SourceLocation keyLocation(String path, Node rule) {
        Optional<Node> key = keyNode(rule, "record").or(() -> keyNode(rule, "alert"));
        return key.map(k -> at(path, k.getStartMark())).orElse(new SourceLocation(path, 0, 0));
    }

    private static ExprPositions exprPositions(String path, Node expr, String text, String[] lines) {
        if (!(expr instanceof ScalarNode scalar)) {
            return new ExprPositions(new SourceLocation(path, 0, 0), false, 0, 0, text);
        }
        SourceLocation start = at(path, scalar.getStartMark());
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        boolean block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
        int quote = style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                ? 1 : 0;
        int indent = block && start.line() < lines.length ? indentation(lines[start.line()]) : 0;
        return new ExprPositions(start, block, quote, indent, text);
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static SourceLocation at(String path, Mark mark) {
        return new SourceLocation(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Optional<Node> keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(tuple.getKeyNode());
                }
            }
        }
        return Optional.empty();
    }

    private static Node value(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static List<Node> items(Node sequence) {
        return sequence instanceof SequenceNode seq ? seq.getValue() : List.of();
    }
}
