package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.antlr.PromQLLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Wraps the generated lexer and adds the stateful checks of Prometheus's lexer (parenthesis depth, what may
 * follow '[', end of input inside braces or brackets). Every token Prometheus's lexer would reject becomes an
 * {@link ErrorToken} carrying lex.go's message; the parser fails on it like Prometheus's parser does.
 */
final class LexerErrors implements TokenSource {
    /** A token the lexer rejected; {@code offset} is where Prometheus reports it. */
    static final class ErrorToken extends CommonToken {
        private static final long serialVersionUID = 1L;
        final String message;
        final int offset;

        ErrorToken(Token original, String message, int offset) {
            super(original);
            // A type no parser rule accepts, so that parsing stops right here.
            setType(PromQLLexer.CHARACTER_ERROR);
            this.message = message;
            this.offset = offset;
        }
    }

    private final PromQLLexer lexer;
    private final String input;
    /** Prometheus 3's lexer: [...] holds a duration expression rather than 2.42's lexDuration; trim operators. */
    private final boolean prometheus3;
    private boolean gotDuration;
    private int parenDepth;
    private boolean afterLeftBracket;
    private boolean gotColon;
    private boolean bracketOpen;
    private int previousType = Token.INVALID_TYPE;
    private boolean failed;
    private int signRun;
    private int powerChain;
    /** The '/' of a trim operator split for 2.42. */
    private Token pendingDivision;

    LexerErrors(PromQLLexer lexer, String input, boolean prometheus3) {
        this.lexer = lexer;
        this.input = input;
        this.prometheus3 = prometheus3;
    }

    @Override
    public Token nextToken() {
        if (failed) {
            // Prometheus stops lexing at its first error; so do we.
            CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
            eof.setStartIndex(input.length());
            eof.setStopIndex(input.length() - 1);
            return eof;
        }
        Token token = nextSplitToken();
        String message = check(token);
        previousType = token.getType();
        if (message == null) {
            return token;
        }
        failed = true;
        int offset = token.getType() == PromQLLexer.RIGHT_PAREN ? token.getStopIndex() + 1 : token.getStartIndex();
        return new ErrorToken(token, message, offset);
    }

    /** 2.42 has no trim operators: its lexer reads {@code </} and {@code >/} as two operators. */
    private Token nextSplitToken() {
        if (pendingDivision != null) {
            Token t = pendingDivision;
            pendingDivision = null;
            return t;
        }
        Token token = lexer.nextToken();
        boolean trim = token.getType() == PromQLLexer.TRIM_UPPER || token.getType() == PromQLLexer.TRIM_LOWER;
        if (!trim || prometheus3) {
            return token;
        }
        CommonToken comparison = new CommonToken(token);
        comparison.setType(token.getType() == PromQLLexer.TRIM_UPPER ? PromQLLexer.LSS : PromQLLexer.GTR);
        comparison.setStopIndex(token.getStartIndex());
        comparison.setText(token.getText().substring(0, 1));
        CommonToken division = new CommonToken(token);
        division.setType(PromQLLexer.DIV);
        division.setStartIndex(token.getStopIndex());
        division.setCharPositionInLine(token.getCharPositionInLine() + 1);
        division.setText("/");
        pendingDivision = division;
        return comparison;
    }

    /**
     * Operator runs the parser recurses on: signs in a row, and chains of '^' (right-associative, possibly with
     * signs in between). A lower-precedence binary operator ends a chain.
     */
    private void checkRecursion(Token token) {
        int type = token.getType();
        boolean sign = type == PromQLLexer.ADD || type == PromQLLexer.SUB;
        signRun = sign ? signRun + 1 : 0;
        if (type == PromQLLexer.POW) {
            powerChain++;
        } else if (sign ? endsOperand(previousType) : endsPowerChain(type)) {
            powerChain = 0;
        }
        if (signRun > PromqlParser.MAX_NESTING || powerChain > PromqlParser.MAX_NESTING) {
            throw new QueryError(token.getStartIndex(), token.getStopIndex() + 1, PromqlParser.TOO_DEEP);
        }
    }

    private static boolean endsOperand(int type) {
        switch (type) {
            case PromQLLexer.IDENTIFIER:
            case PromQLLexer.METRIC_IDENTIFIER:
            case PromQLLexer.NUMBER:
            case PromQLLexer.STRING:
            case PromQLLexer.DURATION:
            case PromQLLexer.RIGHT_PAREN:
            case PromQLLexer.RIGHT_BRACE:
            case PromQLLexer.RIGHT_BRACKET:
                return true;
            default:
                return false;
        }
    }

    private static boolean endsPowerChain(int type) {
        switch (type) {
            case PromQLLexer.MUL:
            case PromQLLexer.DIV:
            case PromQLLexer.MOD:
            case PromQLLexer.ATAN2:
            case PromQLLexer.EQLC:
            case PromQLLexer.NEQ:
            case PromQLLexer.LTE:
            case PromQLLexer.LSS:
            case PromQLLexer.GTE:
            case PromQLLexer.GTR:
            case PromQLLexer.TRIM_UPPER:
            case PromQLLexer.TRIM_LOWER:
            case PromQLLexer.LAND:
            case PromQLLexer.LOR:
            case PromQLLexer.LUNLESS:
            case PromQLLexer.COMMA:
                return true;
            default:
                return false;
        }
    }

    private String check(Token token) {
        checkRecursion(token);
        boolean firstInBrackets = afterLeftBracket;
        afterLeftBracket = false;
        String text = token.getText();
        if (firstInBrackets && !prometheus3) {
            // lex.go's lexDuration scans the text after '[' on its own terms.
            String problem = NumberSyntax.durationAfterBracket(input, token.getStartIndex());
            if (problem != null) {
                return problem;
            }
        }
        switch (token.getType()) {
            case Token.EOF:
                if (lexer._mode == PromQLLexer.BRACES) {
                    return "unexpected end of input inside braces";
                }
                if (lexer._mode == PromQLLexer.DURATION_EXPR && !gotDuration) {
                    return "unexpected end of input in duration expression";
                }
                if (parenDepth != 0) {
                    return "unclosed left parenthesis";
                }
                return bracketOpen ? "unclosed left bracket" : null;
            case PromQLLexer.LEFT_PAREN:
                if (++parenDepth > PromqlParser.MAX_NESTING) {
                    throw new QueryError(token.getStartIndex(), token.getStartIndex() + 1, PromqlParser.TOO_DEEP);
                }
                if (previousType == PromQLLexer.GROUP_LEFT || previousType == PromQLLexer.GROUP_RIGHT) {
                    ((CommonToken) token).setType(PromQLLexer.INCLUDE_PAREN);
                }
                return null;
            case PromQLLexer.RIGHT_PAREN:
                return --parenDepth < 0 ? "unexpected right parenthesis ')'" : null;
            case PromQLLexer.LEFT_BRACKET:
                if (bracketOpen) {
                    return "unexpected left bracket '['";
                }
                bracketOpen = true;
                afterLeftBracket = true;
                gotColon = false;
                gotDuration = false;
                return null;
            case PromQLLexer.RIGHT_BRACKET:
                if (!bracketOpen) {
                    return "unexpected right bracket ']'";
                }
                bracketOpen = false;
                return null;
            case PromQLLexer.COLON:
                if (prometheus3) {
                    return durationColon();
                }
                // A letter here too: Prometheus takes the first one for the subquery colon.
                if (gotColon) {
                    return "unexpected colon " + GoQuote.quoteRune(text.charAt(0), false);
                }
                gotColon = true;
                return null;
            case PromQLLexer.DURATION:
            case PromQLLexer.NUMBER:
                gotDuration |= bracketOpen;
                return null;
            case PromQLLexer.DURATION_EXPR_CHARACTER_ERROR:
                return durationExpressionCharacter(input.codePointAt(token.getStartIndex()));
            case PromQLLexer.STRING:
            case PromQLLexer.UNTERMINATED_STRING_ERROR:
            case PromQLLexer.UNTERMINATED_RAW_ERROR:
                // lex.go validates escape sequences while scanning, before it finds the string unterminated.
                return StringLiterals.literalError(input, token.getStartIndex());
            case PromQLLexer.NUMBER_ERROR:
                return "bad number or duration syntax: " + GoQuote.quote(NumberSyntax.badPrefix(text));
            case PromQLLexer.EQL_TILDE_ERROR:
                return "unexpected character after '=': '~'";
            case PromQLLexer.BANG_ERROR:
                return "unexpected character after '!': " + nextRune(token);
            case PromQLLexer.BRACES_BANG_ERROR:
                return "unexpected character after '!' inside braces: " + nextRune(token);
            case PromQLLexer.BRACES_LEFT_BRACE_ERROR:
                return "unexpected left brace '{'";
            case PromQLLexer.BRACES_CHARACTER_ERROR:
                return "unexpected character inside braces: " + GoQuote.quoteRune(input.codePointAt(token.getStartIndex()), false);
            case PromQLLexer.CHARACTER_ERROR:
                return "unexpected character: " + GoQuote.quoteRune(input.codePointAt(token.getStartIndex()), false);
            default:
                return null;
        }
    }

    /**
     * A character lex.go rejects inside [...]: lexDurationExpr's message until the first number, after which lex.go
     * scans the rest of the brackets with lexStatements.
     */
    private String durationExpressionCharacter(int c) {
        String quoted = GoQuote.quoteRune(c, false);
        if (!gotDuration) {
            return "unexpected character in duration expression: " + quoted;
        }
        if (c == '[') {
            return "unexpected left bracket '['";
        }
        boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return "unexpected character: " + quoted + (letter ? ", expected ':'" : "");
    }

    /** lex.go's lexDurationExpr on ':' (the subquery colon). */
    private String durationColon() {
        if (!gotDuration) {
            return "unexpected colon before duration in duration expression";
        }
        if (gotColon) {
            return "unexpected repeated colon in duration expression";
        }
        gotColon = true;
        return null;
    }

    /** The character after a '!' as Go's %q prints it (the lexer consumed it). */
    private String nextRune(Token bang) {
        int next = bang.getStopIndex() + 1;
        return next < input.length() ? GoQuote.quoteRune(input.codePointAt(next), false) : "'\uFFFD'";
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
