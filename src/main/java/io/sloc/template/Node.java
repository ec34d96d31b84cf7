package io.sloc.template;

import io.sloc.golang.strconv.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a Go text/template (parse/node.go). {@code pos} is a char offset into the template text;
 * {@link #toString()} reproduces Go's {@code Node.String()}, which appears in execution errors as {@code at <...>}.
 */
sealed interface Node {
    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String toString() {
            return nodes.stream().map(Object::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (!decl.isEmpty()) {
                s.append(decl.stream().map(Object::toString).collect(Collectors.joining(", ")));
                s.append(isAssign ? " = " : " := ");
            }
            s.append(cmds.stream().map(Object::toString).collect(Collectors.joining(" | ")));
            return s.toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return args.stream().map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x.a.b}: idents = [$x, a, b]. */
    record VariableNode(int pos, List<String> idents) implements Node {
        public VariableNode {
            idents = List.copyOf(idents);
        }

        String name() {
            return idents.get(0);
        }

        @Override
        public String toString() {
            return String.join(".", idents);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .a.b}: idents = [a, b]. */
    record FieldNode(int pos, List<String> idents) implements Node {
        public FieldNode {
            idents = List.copyOf(idents);
        }

        @Override
        public String toString() {
            return idents.stream().map(i -> "." + i).collect(Collectors.joining());
        }
    }

    /** A term followed by fields, e.g. {@code (pipeline).a.b}. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + fields.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /** A numeric constant with every interpretation Go's parser derived from its text. */
    record NumberNode(int pos, String text, boolean isInt, long int64, boolean isUint, boolean isFloat,
                      double float64, boolean isComplex) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    enum BranchKind { IF, RANGE, WITH }

    record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase();
            if (elseList != null) {
                return "{{" + name + " " + pipe + "}}" + list + "{{else}}" + elseList + "{{end}}";
            }
            return "{{" + name + " " + pipe + "}}" + list + "{{end}}";
        }
    }

    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** {@code {{template "name" pipeline}}}; pipe may be null. */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            String quoted = GoQuote.quote(name);
            return pipe == null ? "{{template " + quoted + "}}" : "{{template " + quoted + " " + pipe + "}}";
        }
    }

    /** Parser-internal markers for {@code {{end}}} and {@code {{else}}}. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
