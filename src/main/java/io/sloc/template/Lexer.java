package io.sloc.template;

import io.sloc.golang.strconv.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template lexer (parse/lex.go) with the default delimiters: the same token kinds, trim markers,
 * comments and error texts. Lexing stops at the first error, which becomes an {@link Kind#ERROR} token so the parser
 * reports problems in the order Go does.
 */
final class Lexer {
    enum Kind {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN, NUMBER,
        PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // keywords
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** A token; {@code pos} is a char offset into the template text, {@code line} 1-based. */
    record Item(Kind kind, int pos, String val, int line) {
        @Override
        public String toString() {
            if (kind == Kind.EOF) {
                return "EOF";
            }
            if (kind == Kind.ERROR) {
                return val;
            }
            if (kind.isKeyword()) {
                return "<" + val + ">";
            }
            if (val.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 10) { // Go: len(val) in bytes
                return GoQuote.quotePrefix(val, 10) + "...";
            }
            return GoQuote.quote(val);
        }
    }

    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("block", Kind.BLOCK), Map.entry("break", Kind.BREAK),
            Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE), Map.entry("else", Kind.ELSE),
            Map.entry("end", Kind.END), Map.entry("if", Kind.IF), Map.entry("range", Kind.RANGE),
            Map.entry("nil", Kind.NIL), Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));
    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";

    private final String input;
    private final List<Item> items = new ArrayList<>();
    private int pos;
    private int start;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;
    private boolean failed;

    private Lexer(String input) {
        this.input = input;
    }

    static List<Item> lex(String input) {
        Lexer l = new Lexer(input);
        l.run();
        return l.items;
    }

    private void run() {
        boolean inside = false;
        while (!failed) {
            if (!inside) {
                if (!lexText()) {
                    return;
                }
                inside = lexLeftDelim();
            } else {
                inside = !lexInsideAction();
            }
        }
    }

    // ---- primitive moves (Go's next/backup/peek on runes; we work on code points) ----

    private static final int EOF_RUNE = -1;

    private int next() {
        if (pos >= input.length()) {
            return EOF_RUNE;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private void backup(int r) {
        if (r == EOF_RUNE) {
            return;
        }
        pos -= Character.charCount(r);
        if (r == '\n') {
            line--;
        }
    }

    private int peek() {
        return pos >= input.length() ? EOF_RUNE : input.codePointAt(pos);
    }

    private void emit(Kind kind) {
        items.add(new Item(kind, start, input.substring(start, pos), startLine));
        ignore();
    }

    /** Skips the input consumed so far; lines were counted by {@link #next()}. */
    private void ignore() {
        start = pos;
        startLine = line;
    }

    private boolean error(String message) {
        items.add(new Item(Kind.ERROR, start, message, startLine));
        failed = true;
        return false;
    }

    // ---- states ----

    /** Text up to the next "{{" (trailing space trimmed before "{{- "); false at EOF. */
    private boolean lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            advanceTo(input.length());
            if (pos > start) {
                emit(Kind.TEXT);
            }
            emit(Kind.EOF);
            return false;
        }
        if (x > pos) {
            int trim = hasLeftTrimMarker(x + LEFT.length()) ? rightTrimLength(input.substring(start, x)) : 0;
            advanceTo(x - trim);
            if (pos > start) {
                emit(Kind.TEXT);
            }
            advanceTo(x);
            ignore();
        }
        return true;
    }

    private void advanceTo(int target) {
        while (pos < target) {
            next();
        }
    }

    /** Consumes "{{" (and a trim marker); returns true when inside an action, false after a comment. */
    private boolean lexLeftDelim() {
        advanceTo(pos + LEFT.length());
        boolean trim = hasLeftTrimMarker(pos);
        int afterMarker = trim ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            advanceTo(pos + afterMarker);
            ignore();
            lexComment();
            return false;
        }
        Item delim = new Item(Kind.LEFT_DELIM, start, input.substring(start, pos), startLine);
        advanceTo(pos + afterMarker);
        ignore();
        items.add(delim);
        parenDepth = 0;
        return true;
    }

    private void lexComment() {
        advanceTo(pos + 2);
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            error("unclosed comment");
            return;
        }
        advanceTo(x + 2);
        int delim = atRightDelim();
        if (delim == 0) {
            error("comment ends before closing delimiter");
            return;
        }
        advanceTo(pos + (delim == 2 ? 2 : 0) + RIGHT.length());
        if (delim == 2) {
            advanceTo(pos + leftTrimLength(pos));
        }
        ignore();
    }

    /** 0: not at a right delimiter; 1: at "}}"; 2: at " -}}". */
    private int atRightDelim() {
        if (input.startsWith(" -" + RIGHT, pos) || input.startsWith("\t-" + RIGHT, pos)
                || input.startsWith("\r-" + RIGHT, pos) || input.startsWith("\n-" + RIGHT, pos)) {
            return 2;
        }
        return input.startsWith(RIGHT, pos) ? 1 : 0;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private void lexRightDelim() {
        boolean trim = atRightDelim() == 2;
        if (trim) {
            advanceTo(pos + 2);
            ignore();
        }
        advanceTo(pos + RIGHT.length());
        emit(Kind.RIGHT_DELIM);
        if (trim) {
            advanceTo(pos + leftTrimLength(pos));
            ignore();
        }
    }

    private int leftTrimLength(int at) {
        int i = at;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - at;
    }

    private static int rightTrimLength(String s) {
        int i = s.length();
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return s.length() - i;
    }

    /** One token inside an action; returns true when the action ended. */
    private boolean lexInsideAction() {
        int delim = atRightDelim();
        if (delim != 0) {
            if (parenDepth == 0) {
                lexRightDelim();
                return true;
            }
            return !error("unclosed left paren");
        }
        int r = next();
        if (r == EOF_RUNE) {
            return !error("unclosed action");
        } else if (isSpace(r)) {
            backup(r);
            lexSpace();
        } else if (r == '=') {
            emit(Kind.ASSIGN);
        } else if (r == ':') {
            if (next() != '=') {
                return !error("expected :=");
            }
            emit(Kind.DECLARE);
        } else if (r == '|') {
            emit(Kind.PIPE);
        } else if (r == '"') {
            lexQuote('"', Kind.STRING, "unterminated quoted string");
        } else if (r == '`') {
            lexRawQuote();
        } else if (r == '$') {
            lexFieldOrVariable(Kind.VARIABLE);
        } else if (r == '\'') {
            lexQuote('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
        } else if (r == '.' && pos < input.length() && !(input.charAt(pos) >= '0' && input.charAt(pos) <= '9')) {
            // ".field"; a '.' at the very end of the input is lexed as a (malformed) number, as in Go
            lexFieldOrVariable(Kind.FIELD);
        } else if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup(r);
            lexNumber();
        } else if (isAlphaNumeric(r)) {
            backup(r);
            lexIdentifier();
        } else if (r == '(') {
            emit(Kind.LEFT_PAREN);
            parenDepth++;
        } else if (r == ')') {
            emit(Kind.RIGHT_PAREN);
            parenDepth--;
            if (parenDepth < 0) {
                return !error("unexpected right paren " + GoQuote.unicodeForm(r));
            }
        } else if (r <= 0x7F && r >= 0x20 && r != 0x7F) {
            emit(Kind.CHAR);
        } else {
            return !error("unrecognized character in action: " + GoQuote.unicodeForm(r));
        }
        return false;
    }

    private void lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        // A space directly before "-}}" belongs to the trim marker.
        if (input.startsWith("-" + RIGHT, pos) && numSpaces > 0) {
            backup(input.codePointBefore(pos));
            if (numSpaces == 1) {
                return; // on the trim-marked delimiter
            }
        }
        emit(Kind.SPACE);
    }

    private void lexQuote(char quote, Kind kind, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF_RUNE && r != '\n') {
                    continue;
                }
            }
            if (r == EOF_RUNE || r == '\n') {
                error(unterminated);
                return;
            }
            if (r == quote) {
                break;
            }
        }
        emit(kind);
    }

    private void lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF_RUNE) {
                error("unterminated raw quoted string");
                return;
            }
            if (r == '`') {
                break;
            }
        }
        emit(Kind.RAW_STRING);
    }

    private void lexFieldOrVariable(Kind kind) {
        if (atTerminator()) {
            emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
            return;
        }
        if (!scanWord()) {
            return;
        }
        emit(kind);
    }

    /** Consumes letters, digits and '_'; false, with Go's error, when no terminator follows them. */
    private boolean scanWord() {
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup(r);
                break;
            }
        }
        if (!atTerminator()) {
            error("bad character " + GoQuote.unicodeForm(r));
            return false;
        }
        return true;
    }

    private void lexIdentifier() {
        if (!scanWord()) {
            return;
        }
        String word = input.substring(start, pos);
        Kind keyword = KEYWORDS.get(word);
        if (keyword != null) {
            emit(keyword);
        } else if (word.charAt(0) == '.') {
            emit(Kind.FIELD);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Kind.BOOL);
        } else {
            emit(Kind.IDENTIFIER);
        }
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF_RUNE, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return r == RIGHT.charAt(0);
        }
    }

    private void lexNumber() {
        if (!scanNumber()) {
            error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
            return;
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            // a complex constant such as 1+2i: no spaces, must end in 'i'
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
                return;
            }
        }
        emit(Kind.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF_RUNE && valid.indexOf(r) >= 0) {
            return true;
        }
        backup(r);
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // absorb
        }
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r != EOF_RUNE && (Character.isLetter(r) || Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER));
    }
}
