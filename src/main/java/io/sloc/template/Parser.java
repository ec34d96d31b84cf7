package io.sloc.template;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.template.Lexer.Item;
import io.sloc.template.Lexer.Kind;
import io.sloc.template.Node.ActionNode;
import io.sloc.template.Node.BoolNode;
import io.sloc.template.Node.BranchKind;
import io.sloc.template.Node.BranchNode;
import io.sloc.template.Node.BreakNode;
import io.sloc.template.Node.ChainNode;
import io.sloc.template.Node.CommandNode;
import io.sloc.template.Node.ContinueNode;
import io.sloc.template.Node.DotNode;
import io.sloc.template.Node.ElseNode;
import io.sloc.template.Node.EndNode;
import io.sloc.template.Node.FieldNode;
import io.sloc.template.Node.IdentifierNode;
import io.sloc.template.Node.ListNode;
import io.sloc.template.Node.NilNode;
import io.sloc.template.Node.NumberNode;
import io.sloc.template.Node.PipeNode;
import io.sloc.template.Node.StringNode;
import io.sloc.template.Node.TemplateNode;
import io.sloc.template.Node.TextNode;
import io.sloc.template.Node.VariableNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template parser (parse/parse.go): the same grammar, variable scoping, function-existence check and
 * error texts ({@code template: NAME:LINE: MESSAGE}).
 */
final class Parser {
    private final String name;
    private final List<Item> items;
    private final Set<String> functions;
    private final Map<String, ListNode> definitions;
    private int index;
    private int furthestLine = 1;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private int actionLine;

    private Parser(String name, List<Item> items, Set<String> functions, Map<String, ListNode> definitions) {
        this.name = name;
        this.items = items;
        this.functions = functions;
        this.definitions = definitions;
    }

    /** Parses {@code text}; the result maps template names to bodies, the top-level one under {@code name}. */
    static Map<String, ListNode> parse(String name, String text, Set<String> functions) {
        Map<String, ListNode> definitions = new LinkedHashMap<>();
        Parser p = new Parser(name, Lexer.lex(text), functions, definitions);
        ListNode root = p.parseRoot();
        p.addDefinition(name, root);
        return definitions;
    }

    // ---- token access ----

    private Item next() {
        Item item = items.get(Math.min(index, items.size() - 1));
        index++;
        furthestLine = Math.max(furthestLine, item.line());
        return item;
    }

    private void backup() {
        index--;
    }

    private Item peek() {
        Item item = next();
        backup();
        return item;
    }

    private Item nextNonSpace() {
        Item item;
        do {
            item = next();
        } while (item.kind() == Kind.SPACE);
        return item;
    }

    /** Like Go's peekNonSpace, this consumes the spaces before the returned token. */
    private Item peekNonSpace() {
        Item item = nextNonSpace();
        backup();
        return item;
    }

    private Item expect(Kind expected, String context) {
        Item token = nextNonSpace();
        if (token.kind() != expected) {
            unexpected(token, context);
        }
        return token;
    }

    // ---- errors ----

    private TemplateException error(String message) {
        throw new TemplateException("template: " + name + ":" + furthestLine + ": " + message);
    }

    private void unexpected(Item token, String context) {
        if (token.kind() == Kind.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            error(token + extra);
        }
        error("unexpected " + token + " in " + context);
    }

    // ---- grammar ----

    private ListNode parseRoot() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.LEFT_DELIM) {
                int saved = index;
                next();
                if (nextNonSpace().kind() == Kind.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = saved;
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                error("unexpected " + n);
            }
            nodes.add(n);
        }
        return new ListNode(pos, nodes);
    }

    private void parseDefinition() {
        String context = "define clause";
        Item nameToken = nextNonSpace();
        if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
            unexpected(nameToken, context);
        }
        String defined = unquote(nameToken.val());
        expect(Kind.RIGHT_DELIM, context);
        addDefinition(defined, definitionBody(context));
    }

    /** The body of a define or block clause up to its end, parsed with only {@code $} in scope. */
    private ListNode definitionBody(String context) {
        List<String> outerVars = vars;
        vars = new ArrayList<>(List.of("$"));
        ItemList body = itemList();
        vars = outerVars;
        if (!(body.next() instanceof EndNode)) {
            error("unexpected " + body.next() + " in " + context);
        }
        return body.list();
    }

    private void addDefinition(String defined, ListNode body) {
        ListNode existing = definitions.get(defined);
        if (existing != null && !isEmpty(existing) && !isEmpty(body)) {
            throw new TemplateException("template: multiple definition of template " + GoQuote.quote(defined));
        }
        if (existing == null || !isEmpty(body)) {
            definitions.put(defined, body);
        }
    }

    private static boolean isEmpty(ListNode list) {
        for (Node n : list.nodes()) {
            if (!(n instanceof TextNode t) || !t.text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private record ItemList(ListNode list, Node next) {
    }

    private ItemList itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().kind() != Kind.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new ItemList(new ListNode(pos, nodes), n);
            }
            nodes.add(n);
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Item token = nextNonSpace();
        switch (token.kind()) {
            case TEXT:
                return new TextNode(token.pos(), token.val());
            case LEFT_DELIM:
                int savedActionLine = actionLine;
                actionLine = token.line();
                try {
                    return action();
                } finally {
                    actionLine = savedActionLine;
                }
            default:
                unexpected(token, "input");
                throw new AssertionError();
        }
    }

    private Node action() {
        Item token = nextNonSpace();
        switch (token.kind()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return loopControl(token, "break");
            case CONTINUE:
                return loopControl(token, "continue");
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(Kind.RIGHT_DELIM, "end").pos());
            case IF:
                return branchControl(BranchKind.IF, true, "if");
            case RANGE:
                return branchControl(BranchKind.RANGE, false, "range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return branchControl(BranchKind.WITH, false, "with");
            default:
                backup();
                Item start = peek();
                return new ActionNode(start.pos(), start.line(), pipeline("command", Kind.RIGHT_DELIM));
        }
    }

    private Node loopControl(Item token, String word) {
        Item after = nextNonSpace();
        if (after.kind() != Kind.RIGHT_DELIM) {
            unexpected(after, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            error("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new BreakNode(token.pos(), token.line())
                : new ContinueNode(token.pos(), token.line());
    }

    private Node elseControl() {
        Item peek = peekNonSpace();
        if (peek.kind() == Kind.IF) {
            return new ElseNode(peek.pos(), peek.line()); // "{{else if" is rewritten to {{else}}{{if
        }
        Item token = expect(Kind.RIGHT_DELIM, "else");
        return new ElseNode(token.pos(), token.line());
    }

    private Node branchControl(BranchKind kind, boolean allowElseIf, String context) {
        int savedVars = vars.size();
        try {
            PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (kind == BranchKind.RANGE) {
                rangeDepth++;
            }
            ItemList body = itemList();
            if (kind == BranchKind.RANGE) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (body.next() instanceof ElseNode elseNode) {
                if (allowElseIf && peek().kind() == Kind.IF) {
                    next();
                    Node inner = branchControl(BranchKind.IF, true, "if");
                    elseList = new ListNode(elseNode.pos(), List.of(inner));
                } else {
                    ItemList rest = itemList();
                    if (!(rest.next() instanceof EndNode)) {
                        error("expected end; found " + rest.next());
                    }
                    elseList = rest.list();
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, body.list(), elseList);
        } finally {
            vars.subList(savedVars, vars.size()).clear();
        }
    }

    private Node templateControl() {
        String context = "template clause";
        Item token = nextNonSpace();
        String called = templateName(token, context);
        PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Kind.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), token.line(), called, pipe);
    }

    private Node blockControl() {
        String context = "block clause";
        Item token = nextNonSpace();
        String called = templateName(token, context);
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        addDefinition(called, definitionBody(context));
        return new TemplateNode(token.pos(), token.line(), called, pipe);
    }

    private String templateName(Item token, String context) {
        if (token.kind() != Kind.STRING && token.kind() != Kind.RAW_STRING) {
            unexpected(token, context);
        }
        return unquote(token.val());
    }

    private PipeNode pipeline(String context, Kind end) {
        Item first = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        while (true) {
            Item v = peekNonSpace();
            if (v.kind() != Kind.VARIABLE) {
                break;
            }
            int beforeVariable = index;
            nextNonSpace();
            Item following = peekNonSpace();
            if (following.kind() == Kind.ASSIGN || following.kind() == Kind.DECLARE) {
                isAssign = following.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            } else if (following.kind() == Kind.CHAR && following.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        continue; // the second variable of a range
                    }
                    error("range can only initialize variables");
                }
                error("too many declarations in " + context);
            } else {
                index = beforeVariable; // "$x foo": the variable is an argument, not a declaration
                break;
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Item token = nextNonSpace();
            if (token.kind() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
            }
            switch (token.kind()) {
                case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> unexpected(token, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Item token = next();
            if (token.kind() == Kind.SPACE) {
                continue;
            }
            if (token.kind() == Kind.RIGHT_DELIM || token.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (token.kind() != Kind.PIPE) {
                unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            error("empty command");
        }
        return new CommandNode(pos, args);
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().kind() == Kind.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().kind() == Kind.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.idents());
                all.addAll(fields);
                return new FieldNode(chainPos, all);
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.idents());
                all.addAll(fields);
                return new VariableNode(chainPos, all);
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                error("unexpected . after term " + GoQuote.quote(node.toString()));
            }
            return new ChainNode(chainPos, node, fields);
        }
        return node;
    }

    private Node term() {
        Item token = nextNonSpace();
        switch (token.kind()) {
            case IDENTIFIER:
                if (!functions.contains(token.val())) {
                    error("function " + GoQuote.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val());
            case DOT:
                return new DotNode(token.pos());
            case NIL:
                return new NilNode(token.pos());
            case VARIABLE:
                return useVar(token);
            case FIELD:
                return new FieldNode(token.pos(), Arrays.asList(token.val().substring(1).split("\\.", -1)));
            case BOOL:
                return new BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT:
            case NUMBER:
                return number(token);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
            case STRING:
            case RAW_STRING:
                return new StringNode(token.pos(), token.val(), unquote(token.val()));
            default:
                backup();
                return null;
        }
    }

    private Node useVar(Item token) {
        List<String> idents = Arrays.asList(token.val().split("\\.", -1));
        if (!vars.contains(idents.get(0))) {
            error("undefined variable " + GoQuote.quote(idents.get(0)));
        }
        return new VariableNode(token.pos(), idents);
    }

    private String unquote(String literal) {
        try {
            return GoStrconv.unquote(literal);
        } catch (GoStrconv.NumError e) {
            throw error(e.getMessage());
        }
    }

    // parse.newNumber: every reading of the text that Go accepts.
    private NumberNode number(Item token) {
        String text = token.val();
        int pos = token.pos();
        if (token.kind() == Kind.CHAR_CONSTANT) {
            String value = unquote(text);
            int rune = value.codePointAt(0);
            return new NumberNode(pos, text, true, rune, true, true, rune, false);
        }
        if (text.endsWith("i")) {
            throw error("complex constants are not supported: " + GoQuote.quote(text));
        }
        boolean isUint = false;
        boolean isInt = false;
        long int64 = 0;
        try {
            BigInteger u = GoStrconv.parseUint(text);
            isUint = true;
            int64 = u.longValue();
        } catch (GoStrconv.NumError e) {
            // not an unsigned integer
        }
        try {
            int64 = GoStrconv.parseInt(text);
            isInt = true;
        } catch (GoStrconv.NumError e) {
            // not a signed integer
        }
        if (isInt) {
            return new NumberNode(pos, text, true, int64, isUint, true, int64, false);
        }
        if (isUint) {
            double f = new BigInteger(Long.toUnsignedString(int64)).doubleValue();
            return new NumberNode(pos, text, false, int64, true, true, f, false);
        }
        double f;
        try {
            f = GoStrconv.parseFloat(text);
        } catch (GoStrconv.NumError e) {
            throw error("illegal number syntax: " + GoQuote.quote(text));
        }
        if (!text.matches(".*[.eEpP].*")) {
            throw error("integer overflow: " + GoQuote.quote(text));
        }
        boolean fitsInt = f == Math.rint(f) && Math.abs(f) < 0x1p63;
        return new NumberNode(pos, text, fitsInt, fitsInt ? (long) f : 0, fitsInt && f >= 0, true, f, false);
    }
}
