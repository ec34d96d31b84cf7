package io.sloc.template;

import io.sloc.golang.GoError;
import io.sloc.golang.fmt.GoInterfaceMap;
import io.sloc.golang.fmt.GoPrintf;
import io.sloc.golang.fmt.GoValue;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.time.GoTime;
import io.sloc.template.Node.ActionNode;
import io.sloc.template.Node.BoolNode;
import io.sloc.template.Node.BranchKind;
import io.sloc.template.Node.BranchNode;
import io.sloc.template.Node.BreakNode;
import io.sloc.template.Node.ChainNode;
import io.sloc.template.Node.CommandNode;
import io.sloc.template.Node.ContinueNode;
import io.sloc.template.Node.DotNode;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template like Go's text/template (exec.go) with option {@code missingkey=zero}. Values follow
 * {@link GoValue}; Java {@code null} is Go's invalid value, printed as {@code <no value>}.
 */
final class Executor {
    /** Go's missingVal: "no final argument from a preceding pipeline stage". */
    private static final Object MISSING = new Object();
    /**
     * A nil {@code interface{}} read from a {@code map[string]interface{}}: unlike the invalid value it cannot take
     * further field lookups, and it is the wrong type for concrete parameters. Pipelines turn it into invalid.
     */
    private static final Object NIL_INTERFACE = new Object();
    private static final int MAX_DEPTH = 100_000;

    private final String parseName;
    private final String text;
    private final Map<String, ListNode> definitions;
    private final Map<String, GoFunction> functions;
    private final StringBuilder out;
    private final List<String> varNames = new ArrayList<>();
    private final List<Object> varValues = new ArrayList<>();
    private String templateName;
    private Node current;
    private int depth;

    private static final class BreakSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean isBreak;

        BreakSignal(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private Executor(String parseName, String text, Map<String, ListNode> definitions,
                     Map<String, GoFunction> functions, StringBuilder out) {
        this.parseName = parseName;
        this.text = text;
        this.definitions = definitions;
        this.functions = functions;
        this.out = out;
        this.templateName = parseName;
    }

    static String execute(String name, String text, Map<String, ListNode> definitions,
                          Map<String, GoFunction> functions, Object data) {
        StringBuilder out = new StringBuilder();
        Executor s = new Executor(name, text, definitions, functions, out);
        s.push("$", data);
        ListNode root = definitions.get(name);
        try {
            s.walk(data, root);
        } catch (StackOverflowError e) {
            throw new TemplateException("template: " + name + ": exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        return out.toString();
    }

    // ---- errors ----

    private TemplateException errorf(String message) {
        if (current == null) {
            throw new TemplateException("template: " + templateName + ": " + message);
        }
        throw new TemplateException("template: " + location(current) + ": executing " + GoQuote.quote(templateName)
                + " at <" + current + ">: " + message);
    }

    /** Go's ErrorContext: NAME:LINE:COL with a 0-based byte column (the byte offset itself on line 1). */
    private String location(Node n) {
        String before = text.substring(0, Math.min(n.pos(), text.length()));
        int lastNewline = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = utf8Length(before.substring(lastNewline + 1));
        return parseName + ":" + line + ":" + column;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void at(Node n) {
        current = n;
    }

    // ---- variables ----

    private void push(String name, Object value) {
        varNames.add(name);
        varValues.add(value);
    }

    private int mark() {
        return varNames.size();
    }

    private void pop(int mark) {
        varNames.subList(mark, varNames.size()).clear();
        varValues.subList(mark, varValues.size()).clear();
    }

    private void setVar(String name, Object value) {
        for (int i = varNames.size() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(name)) {
                varValues.set(i, value);
                return;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        varValues.set(varValues.size() - n, value);
    }

    private Object varValue(String name) {
        for (int i = varNames.size() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(name)) {
                return varValues.get(i);
            }
        }
        throw errorf("undefined variable: " + name);
    }

    // ---- walking ----

    private void walk(Object dot, Node node) {
        at(node);
        if (node instanceof ActionNode action) {
            Object val = evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                printValue(action, val);
            }
        } else if (node instanceof BreakNode) {
            throw new BreakSignal(true);
        } else if (node instanceof ContinueNode) {
            throw new BreakSignal(false);
        } else if (node instanceof BranchNode branch) {
            if (branch.kind() == BranchKind.RANGE) {
                walkRange(dot, branch);
            } else {
                walkIfOrWith(dot, branch);
            }
        } else if (node instanceof ListNode list) {
            for (Node n : list.nodes()) {
                walk(dot, n);
            }
        } else if (node instanceof TemplateNode t) {
            walkTemplate(dot, t);
        } else if (node instanceof TextNode t) {
            out.append(t.text());
        } else {
            throw errorf("unknown node: " + node);
        }
    }

    private void walkIfOrWith(Object dot, BranchNode branch) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, branch.pipe());
            if (isTrue(val)) {
                walk(branch.kind() == BranchKind.WITH ? val : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outerMark = mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int mark = mark();
            List<Object[]> pairs = rangePairs(val);
            if (pairs == null) {
                throw errorf("range can't iterate over " + GoPrintf.sprint(val));
            }
            for (Object[] pair : pairs) {
                List<VariableNode> decl = r.pipe().decl();
                if (!decl.isEmpty()) {
                    if (r.pipe().isAssign()) {
                        setVar(decl.get(0).name(), decl.size() > 1 ? pair[0] : pair[1]);
                    } else {
                        setTopVar(1, pair[1]);
                    }
                }
                if (decl.size() > 1) {
                    if (r.pipe().isAssign()) {
                        setVar(decl.get(1).name(), pair[1]);
                    } else {
                        setTopVar(2, pair[0]);
                    }
                }
                try {
                    walk(pair[1], r.list());
                } catch (BreakSignal signal) {
                    if (signal.isBreak) {
                        return;
                    }
                } finally {
                    pop(mark);
                }
            }
            if (pairs.isEmpty() && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            pop(outerMark);
        }
    }

    /** (index or key, element) pairs; empty for nil; null when Go cannot range over the value. */
    private static List<Object[]> rangePairs(Object val) {
        List<Object[]> pairs = new ArrayList<>();
        if (val == null) {
            return pairs;
        }
        if (val instanceof Map<?, ?> map) {
            new java.util.TreeMap<>(map).forEach((k, v) -> pairs.add(new Object[] {k, v}));
            return pairs;
        }
        List<?> list = asList(val);
        if (list == null) {
            return null;
        }
        for (int i = 0; i < list.size(); i++) {
            pairs.add(new Object[] {(long) i, list.get(i)});
        }
        return pairs;
    }

    static List<?> asList(Object val) {
        if (val instanceof QueryResult q) {
            return q.samples();
        }
        return val instanceof List<?> l ? l : null;
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        at(t);
        ListNode body = definitions.get(t.name());
        if (body == null) {
            throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        int mark = mark();
        List<String> savedNames = new ArrayList<>(varNames);
        List<Object> savedValues = new ArrayList<>(varValues);
        String savedName = templateName;
        varNames.clear();
        varValues.clear();
        push("$", newDot);
        templateName = t.name();
        depth++;
        try {
            walk(newDot, body);
        } finally {
            depth--;
            templateName = savedName;
            varNames.clear();
            varValues.clear();
            varNames.addAll(savedNames);
            varValues.addAll(savedValues);
            pop(mark);
        }
    }

    private void printValue(Node n, Object v) {
        at(n);
        if (v == null) {
            out.append("<no value>");
        } else if (v instanceof TemplateSample sample) {
            out.append(sample.structString()); // pointers are dereferenced before printing
        } else {
            out.append(GoPrintf.sprint(v));
        }
    }

    // ---- evaluation ----

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
            if (value == NIL_INTERFACE) {
                value = null; // Go digs into interface{} results, and nil becomes the invalid value
            }
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(variable.name(), value);
            } else {
                push(variable.name(), value);
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            return evalFieldNode(dot, f, cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        at(first);
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw errorf("nil is not a command");
        }
        if (first instanceof NumberNode n) {
            return idealConstant(n);
        }
        if (first instanceof StringNode s) {
            return s.text();
        }
        throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object idealConstant(NumberNode constant) {
        at(constant);
        String t = constant.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && !t.matches(".*[pP].*");
        boolean runeInt = t.startsWith("'");
        if (constant.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
            return constant.float64();
        }
        if (constant.isInt()) {
            return constant.int64();
        }
        if (constant.isUint()) {
            throw errorf(t + " overflows int");
        }
        return null;
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dot, field, field.idents(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        at(chain);
        Object pipe = evalArg(dot, null, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
        at(variable);
        Object value = varValue(variable.name());
        if (variable.idents().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.idents().subList(1, variable.idents().size()), args,
                fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node node, List<String> idents, List<Node> args,
                                  Object fin) {
        int n = idents.size();
        for (int i = 0; i < n - 1; i++) {
            receiver = evalField(dot, idents.get(i), node, receiver, null, MISSING);
        }
        return evalField(dot, idents.get(n - 1), node, receiver, args, fin);
    }

    private Object evalField(Object dot, String fieldName, Node node, Object receiver, List<Node> args, Object fin) {
        if (receiver == NIL_INTERFACE) {
            throw errorf("nil pointer evaluating interface {}." + fieldName);
        }
        if (receiver instanceof GoTime time) {
            GoFunction method = TimeMethods.method(time, fieldName);
            if (method != null) {
                return evalCall(dot, method, node, fieldName, args, fin);
            }
        }
        Object value = lookupField(fieldName, receiver, args == null ? List.of() : args, fin);
        return value == null && receiver instanceof GoInterfaceMap ? NIL_INTERFACE : value;
    }

    private Object lookupField(String fieldName, Object receiver, List<Node> args, Object fin) {
        if (receiver == null) {
            return null; // missingkey=zero: an invalid receiver yields the zero (invalid) value
        }
        boolean hasArgs = args.size() > 1 || fin != MISSING;
        if (receiver instanceof GoStruct struct && struct.fields().containsKey(fieldName)) {
            if (hasArgs) {
                throw errorf(fieldName + " has arguments but cannot be invoked as function");
            }
            return struct.fields().get(fieldName);
        }
        if (receiver instanceof TemplateSample sample && (fieldName.equals("Labels") || fieldName.equals("Value"))) {
            if (hasArgs) {
                throw errorf(fieldName + " has arguments but cannot be invoked as function");
            }
            return fieldName.equals("Labels") ? sample.labels() : sample.value();
        }
        if (receiver instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Object result = map.get(fieldName);
            if (result == null && !map.containsKey(fieldName)) {
                return receiver instanceof GoInterfaceMap ? null : "";
            }
            return result;
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + GoValue.typeName(receiver));
    }

    private Object evalFunction(Object dot, IdentifierNode node, Node cmd, List<Node> args, Object fin) {
        at(node);
        String name = node.ident();
        GoFunction function = functions.get(name);
        if (function == null) {
            throw errorf(GoQuote.quote(name) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, name, args, fin);
    }

    private Object evalCall(Object dot, GoFunction fun, Node node, String name, List<Node> argNodes, Object fin) {
        List<Node> args = argNodes == null ? List.of() : argNodes.subList(1, argNodes.size());
        int numIn = args.size() + (fin != MISSING ? 1 : 0);
        int declared = fun.params().size();
        int numFixed = args.size();
        if (fun.variadic()) {
            numFixed = declared - 1;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + (declared - 1) + " got "
                        + args.size());
            }
        } else if (numIn != declared) {
            throw errorf("wrong number of args for " + name + ": want " + declared + " got " + numIn);
        }
        if (Builtins.isShortCircuit(name, fun)) {
            return evalAndOr(dot, name, args, fin);
        }
        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < numFixed && i < args.size(); i++) {
            argv[i] = evalArg(dot, fun.params().get(i), args.get(i));
        }
        if (fun.variadic()) {
            GoType elem = fun.params().get(declared - 1);
            for (; i < args.size(); i++) {
                argv[i] = evalArg(dot, elem, args.get(i));
            }
        }
        if (fin != MISSING) {
            GoType t = fun.params().get(fun.variadic() && numIn - 1 < numFixed ? numIn - 1 : declared - 1);
            argv[i] = validateType(fin, t);
        }
        try {
            return fun.body().call(argv);
        } catch (GoError e) {
            at(node);
            throw errorf("error calling " + name + ": " + e.getMessage());
        }
    }

    private Object evalAndOr(Object dot, String name, List<Node> args, Object fin) {
        Object v = null;
        for (Node arg : args) {
            v = evalArg(dot, GoType.REFLECT_VALUE, arg);
            if (isTrue(v) == name.equals("or")) {
                return v;
            }
        }
        if (fin != MISSING) {
            v = validateType(fin, GoType.REFLECT_VALUE);
        }
        return v;
    }

    /** Evaluates an argument for a parameter of type {@code typ} ({@code null}: no static type). */
    private Object evalArg(Object dot, GoType typ, Node n) {
        at(n);
        if (n instanceof DotNode) {
            return validateType(dot, typ);
        }
        if (n instanceof NilNode) {
            if (typ == null || typ.canBeNil()) {
                return null;
            }
            throw errorf("cannot assign nil to " + typ.name());
        }
        if (n instanceof FieldNode f) {
            return validateType(evalFieldNode(dot, f, List.of(n), MISSING), typ);
        }
        if (n instanceof VariableNode v) {
            return validateType(evalVariableNode(dot, v, List.of(), MISSING), typ);
        }
        if (n instanceof PipeNode p) {
            return validateType(evalPipeline(dot, p), typ);
        }
        if (n instanceof IdentifierNode id) {
            return validateType(evalFunction(dot, id, id, null, MISSING), typ);
        }
        if (n instanceof ChainNode c) {
            return validateType(evalChainNode(dot, c, List.of(), MISSING), typ);
        }
        if (typ == null || typ.acceptsAnything()) {
            return evalEmptyInterface(dot, n);
        }
        switch (typ.name()) {
            case "bool":
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw errorf("expected bool; found " + n);
            case "float64":
                if (n instanceof NumberNode num && num.isFloat()) {
                    return num.float64();
                }
                throw errorf("expected float; found " + n);
            case "int":
                if (n instanceof NumberNode num && num.isInt()) {
                    return num.int64();
                }
                throw errorf("expected integer; found " + n);
            case "string":
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw errorf("expected string; found " + n);
            default:
                throw errorf("can't handle " + n + " for arg of type " + typ.name());
        }
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        at(n);
        if (n instanceof BoolNode b) {
            return b.value();
        }
        if (n instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof StringNode s) {
            return s.text();
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }

    private Object validateType(Object value, GoType typ) {
        if (typ == null) {
            return value == NIL_INTERFACE ? null : value;
        }
        if (value == NIL_INTERFACE) {
            if (typ.canBeNil()) {
                return null;
            }
            throw errorf("wrong type for value; expected " + typ.name() + "; got interface {}");
        }
        if (value == null) {
            if (typ.canBeNil()) {
                return null;
            }
            throw errorf("invalid value; expected " + typ.name());
        }
        if (!typ.accepts(value)) {
            throw errorf("wrong type for value; expected " + typ.name() + "; got " + GoValue.typeName(value));
        }
        return value;
    }

    /** Go's truth: non-zero numbers, non-empty strings/collections, true, non-nil pointers. */
    static boolean isTrue(Object val) {
        if (val == null) {
            return false;
        }
        if (val instanceof Boolean b) {
            return b;
        }
        if (val instanceof String s) {
            return !s.isEmpty();
        }
        if (val instanceof Double d) {
            return d != 0;
        }
        if (val instanceof Long l) {
            return l != 0;
        }
        if (val instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (val instanceof SafeHtml h) {
            return !h.html().isEmpty();
        }
        List<?> list = asList(val);
        if (list != null) {
            return !list.isEmpty();
        }
        return true; // pointers and structs
    }
}
