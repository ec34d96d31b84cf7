package io.sloc.template;

import io.sloc.golang.GoError;
import io.sloc.golang.fmt.GoInterfaceMap;
import io.sloc.golang.fmt.GoPrintf;
import io.sloc.golang.fmt.GoValue;
import io.sloc.golang.strconv.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go text/template's predefined functions (funcs.go) with Go's results and error texts. */
final class Builtins {
    private static final GoType V = GoType.REFLECT_VALUE;
    private static final GoType ANY = GoType.ANY;
    private static final GoFunction AND = GoFunction.variadic(args -> null, V, V);
    private static final GoFunction OR = GoFunction.variadic(args -> null, V, V);

    private Builtins() {
    }

    static Map<String, GoFunction> functions() {
        Map<String, GoFunction> f = new TreeMap<>();
        f.put("and", AND);
        f.put("or", OR);
        f.put("not", GoFunction.of(args -> !Executor.isTrue(args[0]), V));
        f.put("call", GoFunction.variadic(Builtins::call, V, V));
        f.put("len", GoFunction.of(args -> length(args[0]), V));
        f.put("index", GoFunction.variadic(Builtins::index, V, V));
        f.put("slice", GoFunction.variadic(Builtins::slice, V, V));
        f.put("print", GoFunction.variadic(args -> GoPrintf.sprint(args), ANY));
        f.put("printf", GoFunction.variadic(args -> GoPrintf.sprintf((String) args[0],
                Arrays.copyOfRange(args, 1, args.length)), GoType.STRING, ANY));
        f.put("println", GoFunction.variadic(args -> GoPrintf.sprintln(args), ANY));
        f.put("eq", GoFunction.variadic(args -> eq(args[0], Arrays.copyOfRange(args, 1, args.length)), V, V));
        f.put("ne", GoFunction.of(args -> !eq(args[0], new Object[] {args[1]}), V, V));
        f.put("lt", GoFunction.of(args -> lt(args[0], args[1]), V, V));
        f.put("le", GoFunction.of(args -> lt(args[0], args[1]) || eq(args[0], new Object[] {args[1]}), V, V));
        f.put("gt", GoFunction.of(args -> !(lt(args[0], args[1]) || eq(args[0], new Object[] {args[1]})), V, V));
        f.put("ge", GoFunction.of(args -> !lt(args[0], args[1]), V, V));
        f.put("html", GoFunction.variadic(args -> htmlEscape(evalArgs(args)), ANY));
        f.put("js", GoFunction.variadic(args -> jsEscape(evalArgs(args)), ANY));
        f.put("urlquery", GoFunction.variadic(args -> queryEscape(evalArgs(args)), ANY));
        return f;
    }

    /** and/or are evaluated lazily by the executor. */
    static boolean isShortCircuit(String name, GoFunction f) {
        return (name.equals("and") && f == AND) || (name.equals("or") && f == OR);
    }

    private static String evalArgs(Object[] args) {
        if (args.length == 1 && args[0] instanceof String s) {
            return s;
        }
        return GoPrintf.sprint(args);
    }

    /** Template data here never holds Go functions, so call can only fail, with Go's words. */
    private static Object call(Object[] args) throws GoError {
        if (args[0] == null) {
            throw new GoError("call of nil");
        }
        throw new GoError("non-function of type " + GoValue.typeName(args[0]));
    }

    private static long length(Object item) throws GoError {
        if (item == null) {
            throw new GoError("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (item instanceof SafeHtml h) {
            return h.html().getBytes(StandardCharsets.UTF_8).length;
        }
        if (item instanceof Map<?, ?> m) {
            return m.size();
        }
        List<?> list = Executor.asList(item);
        if (list != null) {
            return list.size();
        }
        throw new GoError("len of type " + GoValue.typeName(item));
    }

    private static Object index(Object[] args) throws GoError {
        Object item = args[0];
        if (item == null) {
            throw new GoError("index of untyped nil");
        }
        for (int i = 1; i < args.length; i++) {
            Object index = args[i];
            if (item instanceof Map<?, ?> map) {
                if (index == null) {
                    throw new GoError("value is nil; should be of type string");
                }
                if (!(index instanceof String key)) {
                    throw new GoError("value has type " + GoValue.typeName(index) + "; should be string");
                }
                Object v = map.get(key);
                item = v != null || map.containsKey(key) ? v : (map instanceof GoInterfaceMap ? null : "");
            } else if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new GoError("reflect: string index out of range");
                }
                item = (long) (bytes[x] & 0xFF);
            } else if (Executor.asList(item) != null) {
                List<?> list = Executor.asList(item);
                int x = indexArg(index, list.size());
                if (x == list.size()) {
                    throw new GoError("reflect: slice index out of range");
                }
                item = list.get(x);
            } else {
                throw new GoError("can't index item of type " + GoValue.typeName(item));
            }
        }
        return item;
    }

    private static int indexArg(Object index, int cap) throws GoError {
        if (index == null) {
            throw new GoError("cannot index slice/array with nil");
        }
        if (!(index instanceof Long x)) {
            throw new GoError("cannot index slice/array with type " + GoValue.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new GoError("index out of range: " + x);
        }
        return (int) (long) x;
    }

    private static Object slice(Object[] args) throws GoError {
        Object item = args[0];
        if (item == null) {
            throw new GoError("slice of untyped nil");
        }
        int n = args.length - 1;
        if (n > 3) {
            throw new GoError("too many slice indexes: " + n);
        }
        byte[] bytes = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        List<?> list = Executor.asList(item);
        int length;
        if (bytes != null) {
            if (n == 3) {
                throw new GoError("cannot 3-index slice a string");
            }
            length = bytes.length;
        } else if (list != null) {
            length = list.size();
        } else {
            throw new GoError("can't slice item of type " + GoValue.typeName(item));
        }
        int[] idx = {0, length, 0};
        for (int i = 0; i < n; i++) {
            idx[i] = indexArg(args[i + 1], length);
        }
        if (idx[0] > idx[1]) {
            throw new GoError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (n == 3 && idx[1] > idx[2]) {
            throw new GoError("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        List<?> part = list.subList(idx[0], idx[1]);
        return item instanceof QueryResult ? new QueryResult(part.stream().map(TemplateSample.class::cast).toList())
                : List.copyOf(part);
    }

    // ---- comparisons (basicKind: bool, int, float, string; mixed kinds are errors) ----

    private enum Kind { BOOL, INT, FLOAT, STRING }

    private static Kind basicKind(Object v) throws GoError {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long || v instanceof Integer) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof String || v instanceof SafeHtml) {
            return Kind.STRING;
        }
        throw new GoError("invalid type for comparison");
    }

    private static String stringOf(Object v) {
        return v instanceof SafeHtml h ? h.html() : (String) v;
    }

    private static boolean eq(Object arg1, Object[] others) throws GoError {
        if (others.length == 0) {
            throw new GoError("missing argument for comparison");
        }
        if (arg1 instanceof Map<?, ?> || arg1 instanceof List<?> || arg1 instanceof QueryResult) {
            throw new GoError("uncomparable type " + GoValue.typeName(arg1) + ": " + GoPrintf.sprint(arg1));
        }
        Kind k1 = kindOrNull(arg1);
        for (Object arg : others) {
            Kind k2 = kindOrNull(arg);
            boolean truth;
            if (k1 != k2) {
                if (arg1 != null && arg != null) {
                    throw new GoError("incompatible types for comparison");
                }
                truth = false;
            } else if (k1 == null) {
                if (arg instanceof Map<?, ?> || arg instanceof List<?> || arg instanceof QueryResult) {
                    throw new GoError("uncomparable type " + GoValue.typeName(arg) + ": " + GoPrintf.sprint(arg));
                }
                truth = arg1 == arg; // pointers and other comparable values compare by identity
            } else {
                truth = switch (k1) {
                    case BOOL -> arg1.equals(arg);
                    case INT -> ((Number) arg1).longValue() == ((Number) arg).longValue();
                    case FLOAT -> (double) arg1 == (double) arg;
                    case STRING -> stringOf(arg1).equals(stringOf(arg));
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    private static Kind kindOrNull(Object v) {
        try {
            return v == null ? null : basicKind(v);
        } catch (GoError e) {
            return null;
        }
    }

    private static boolean lt(Object arg1, Object arg2) throws GoError {
        Kind k1 = basicKind(arg1);
        Kind k2 = basicKind(arg2);
        if (k1 != k2) {
            throw new GoError("incompatible types for comparison");
        }
        return switch (k1) {
            case BOOL -> throw new GoError("invalid type for comparison");
            case INT -> ((Number) arg1).longValue() < ((Number) arg2).longValue();
            case FLOAT -> (double) arg1 < (double) arg2;
            case STRING -> compareUtf8(stringOf(arg1), stringOf(arg2)) < 0;
        };
    }

    /** Go compares strings bytewise (UTF-8), which differs from UTF-16 order only beyond the BMP. */
    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    // ---- escapers ----

    static String htmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case 0 -> out.append('\uFFFD');
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String jsEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (r < ' ' || (r >= 0x80 && !GoQuote.quote(new String(Character.toChars(r))).equals(
                            "\"" + new String(Character.toChars(r)) + "\""))) {
                        out.append(String.format("\\u%04X", r));
                    } else {
                        out.appendCodePoint(r);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}. */
    static String queryEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
