package io.sloc.promql.parser;

import io.sloc.promql.GoStrings;
import io.sloc.promql.antlr.PromQLLexer;
import io.sloc.promql.antlr.PromQLParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Stops at the first syntax error (no token insertion or deletion) and words it like Prometheus's goyacc
 * parser: {@code unexpected <token>[ in <context>][, expected <what>]}, where the context comes from the
 * error productions of generated_parser.y.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    @Override
    public void recover(Parser parser, RecognitionException e) {
        throw error(parser.getInputStream(), e.getOffendingToken(), (ParserRuleContext) e.getCtx());
    }

    @Override
    public Token recoverInline(Parser parser) {
        throw error(parser.getInputStream(), parser.getCurrentToken(), parser.getContext());
    }

    @Override
    public void sync(Parser parser) {
        // Errors surface at the next match or prediction instead; nothing is skipped.
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        // recover() throws the located error.
    }

    static QueryError error(TokenStream tokens, Token offending, ParserRuleContext context) {
        if (offending instanceof LexerErrors.ErrorToken) {
            LexerErrors.ErrorToken lexError = (LexerErrors.ErrorToken) offending;
            return new QueryError(lexError.offset, lexError.offset, lexError.message);
        }
        int index = offending.getTokenIndex();
        int previous = index >= 1 ? tokens.get(index - 1).getType() : Token.INVALID_TYPE;
        int beforePrevious = index >= 2 ? tokens.get(index - 2).getType() : Token.INVALID_TYPE;
        String message = "unexpected " + describe(offending) + where(previous, beforePrevious, context);
        int start = offending.getType() == Token.EOF ? offending.getStartIndex() : offending.getStartIndex();
        return new QueryError(start, offending.getStopIndex() + 1, message);
    }

    /** The context and expectation that generated_parser.y's error productions add. */
    private static String where(int previous, int beforePrevious, ParserRuleContext context) {
        if (within(context, PromQLParser.LabelMatchersContext.class)) {
            switch (previous) {
                case PromQLLexer.LEFT_BRACE:
                case PromQLLexer.COMMA:
                    return " in label matching, expected identifier or \"}\"";
                case PromQLLexer.IDENTIFIER:
                    return " in label matching, expected label matching operator";
                case PromQLLexer.EQL:
                case PromQLLexer.NEQ:
                case PromQLLexer.EQL_REGEX:
                case PromQLLexer.NEQ_REGEX:
                    return " in label matching, expected string";
                default:
                    return " in label matching, expected \",\" or \"}\"";
            }
        }
        if (previous == PromQLLexer.BY || previous == PromQLLexer.WITHOUT || previous == PromQLLexer.ON
                || previous == PromQLLexer.IGNORING) {
            return " in grouping opts, expected \"(\"";
        }
        if (within(context, PromQLParser.GroupingLabelsContext.class) && previous != PromQLLexer.RIGHT_PAREN) {
            return previous == PromQLLexer.LEFT_PAREN || previous == PromQLLexer.COMMA
                    ? " in grouping opts, expected label"
                    : " in grouping opts, expected \",\" or \")\"";
        }
        switch (previous) {
            case PromQLLexer.OFFSET:
                return " in offset, expected duration";
            case PromQLLexer.AT:
                return " in @, expected timestamp";
            case PromQLLexer.COLON:
                return " in subquery selector, expected duration or \"]\"";
            default:
                break;
        }
        if (previous == PromQLLexer.SUB && beforePrevious == PromQLLexer.OFFSET) {
            return " in offset, expected duration";
        }
        if ((previous == PromQLLexer.ADD || previous == PromQLLexer.SUB) && beforePrevious == PromQLLexer.AT) {
            return " in @, expected timestamp";
        }
        if (previous == PromQLLexer.DURATION && beforePrevious == PromQLLexer.LEFT_BRACKET) {
            return " in subquery or range, expected \":\" or \"]\"";
        }
        if (previous == PromQLLexer.DURATION && beforePrevious == PromQLLexer.COLON) {
            return " in subquery selector, expected \"]\"";
        }
        return "";
    }

    private static boolean within(ParserRuleContext context, Class<? extends ParserRuleContext> rule) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (rule.isInstance(c)) {
                return true;
            }
            if (c instanceof PromQLParser.ExprContext) {
                return false;
            }
        }
        return false;
    }

    /** lex.go's {@code Item.desc()}: {@code identifier "x"}, {@code <by>}, {@code <aggr:sum>}, {@code <op:+>}. */
    static String describe(Token token) {
        String text = token.getText();
        switch (token.getType()) {
            case Token.EOF:
                return "end of input";
            case PromQLLexer.IDENTIFIER:
                return "identifier " + GoStrings.quote(text);
            case PromQLLexer.METRIC_IDENTIFIER:
                return "metric identifier " + GoStrings.quote(text);
            case PromQLLexer.NUMBER:
                return "number " + shortQuote(text);
            case PromQLLexer.STRING:
                return "string " + shortQuote(text);
            case PromQLLexer.DURATION:
                return "duration " + shortQuote(text);
            case PromQLLexer.BOOL:
            case PromQLLexer.BY:
            case PromQLLexer.GROUP_LEFT:
            case PromQLLexer.GROUP_RIGHT:
            case PromQLLexer.IGNORING:
            case PromQLLexer.OFFSET:
            case PromQLLexer.ON:
            case PromQLLexer.WITHOUT:
                return "<" + text + ">";
            case PromQLLexer.AVG:
            case PromQLLexer.BOTTOMK:
            case PromQLLexer.COUNT:
            case PromQLLexer.COUNT_VALUES:
            case PromQLLexer.GROUP:
            case PromQLLexer.MAX:
            case PromQLLexer.MIN:
            case PromQLLexer.QUANTILE:
            case PromQLLexer.STDDEV:
            case PromQLLexer.STDVAR:
            case PromQLLexer.SUM:
            case PromQLLexer.TOPK:
                return "<aggr:" + text + ">";
            case PromQLLexer.ADD:
            case PromQLLexer.SUB:
            case PromQLLexer.MUL:
            case PromQLLexer.DIV:
            case PromQLLexer.MOD:
            case PromQLLexer.POW:
            case PromQLLexer.EQLC:
            case PromQLLexer.NEQ:
            case PromQLLexer.LTE:
            case PromQLLexer.LSS:
            case PromQLLexer.GTE:
            case PromQLLexer.GTR:
            case PromQLLexer.EQL_REGEX:
            case PromQLLexer.NEQ_REGEX:
            case PromQLLexer.LAND:
            case PromQLLexer.LOR:
            case PromQLLexer.LUNLESS:
            case PromQLLexer.ATAN2:
            case PromQLLexer.AT:
                return "<op:" + text + ">";
            default:
                return shortQuote(text);
        }
    }

    /** Go's {@code %.10q...} for long token texts, {@code %q} otherwise. */
    private static String shortQuote(String text) {
        return text.length() > 10 ? GoStrings.quotePrefix(text, 10) + "..." : GoStrings.quote(text);
    }
}
