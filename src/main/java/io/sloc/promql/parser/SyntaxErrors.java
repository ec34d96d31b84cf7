package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
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
    private final PromqlProfile profile;

    SyntaxErrors(PromqlProfile profile) {
        this.profile = profile;
    }

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

    QueryError error(TokenStream tokens, Token offending, ParserRuleContext context) {
        int index = offending.getTokenIndex();
        QueryError earlier = EarlierErrors.find(context, index > 0 ? tokens.get(index - 1) : null, index, profile);
        if (earlier != null) {
            return earlier;
        }
        if (offending instanceof LexerErrors.ErrorToken) {
            LexerErrors.ErrorToken lexError = (LexerErrors.ErrorToken) offending;
            return new QueryError(lexError.offset, lexError.offset, lexError.message);
        }
        Token comma = index > 0 ? tokens.get(index - 1) : null;
        if (comma != null && comma.getType() == PromQLLexer.COMMA && innermostList(context)
                instanceof PromQLParser.CallArgumentsContext) {
            // goyacc reduces "args ," when nothing can follow the comma, reporting it before the bad token.
            return new QueryError(comma.getStartIndex(), comma.getStopIndex() + 1,
                    "trailing commas not allowed in function call args");
        }
        int[] previous = new int[3];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = index > i ? tokens.get(index - 1 - i).getType() : Token.INVALID_TYPE;
        }
        String message = "unexpected " + describe(offending) + where(previous, context, tokens, index);
        return new QueryError(offending.getStartIndex(), offending.getStopIndex() + 1, message);
    }

    /**
     * The context and expectation that the innermost error production of generated_parser.y adds. Modifier
     * keywords count only where they really are modifiers: "offset" or "by" alone are metric names.
     */
    private String where(int[] previous, ParserRuleContext context, TokenStream tokens, int index) {
        int last = previous[0];
        boolean afterOperand = endsOperand(previous[1]);
        if (last == PromQLLexer.OFFSET && afterOperand
                || last == PromQLLexer.SUB && previous[1] == PromQLLexer.OFFSET && endsOperand(previous[2])) {
            return profile.isPrometheus3() ? " in offset, expected number, duration, step(), or range()"
                    : " in offset, expected duration";
        }
        if (profile.isPrometheus3() && inBrackets(tokens, index)) {
            return durationExpression(last, tokens, index);
        }
        if (last == PromQLLexer.AT && afterOperand
                || (last == PromQLLexer.ADD || last == PromQLLexer.SUB) && previous[1] == PromQLLexer.AT) {
            return " in @, expected timestamp";
        }
        if (last == PromQLLexer.COLON) {
            return " in subquery selector, expected duration or \"]\"";
        }
        if (last == PromQLLexer.DURATION && previous[1] == PromQLLexer.LEFT_BRACKET) {
            return " in subquery or range, expected \":\" or \"]\"";
        }
        if (last == PromQLLexer.DURATION && previous[1] == PromQLLexer.COLON) {
            return " in subquery selector, expected \"]\"";
        }
        if ((last == PromQLLexer.BY || last == PromQLLexer.WITHOUT)
                && (isAggregateOp(previous[1]) || previous[1] == PromQLLexer.RIGHT_PAREN)
                || (last == PromQLLexer.ON || last == PromQLLexer.IGNORING) && previous[1] != Token.INVALID_TYPE
                || (last == PromQLLexer.GROUP_LEFT || last == PromQLLexer.GROUP_RIGHT)
                && previous[1] == PromQLLexer.RIGHT_PAREN) {
            return " in grouping opts, expected \"(\"";
        }
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (c instanceof PromQLParser.LabelMatchersContext || c instanceof PromQLParser.LabelMatcherContext) {
                return labelMatching(last);
            }
            if ((c instanceof PromQLParser.GroupingLabelsContext || c instanceof PromQLParser.IncludeLabelsContext)
                    && last != PromQLLexer.RIGHT_PAREN) {
                return last == PromQLLexer.LEFT_PAREN || last == PromQLLexer.INCLUDE_PAREN || last == PromQLLexer.COMMA
                        ? " in grouping opts, expected label"
                        : " in grouping opts, expected \",\" or \")\"";
            }
            if (c instanceof PromQLParser.CallArgumentsContext && c.getParent() instanceof PromQLParser.AggregationContext) {
                return " in aggregation";
            }
        }
        return "";
    }

    /** Whether the token at {@code index} is inside [...]. */
    private static boolean inBrackets(TokenStream tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            int type = tokens.get(i).getType();
            if (type == PromQLLexer.RIGHT_BRACKET) {
                return false;
            }
            if (type == PromQLLexer.LEFT_BRACKET) {
                return true;
            }
        }
        return false;
    }

    /** Prometheus 3's error productions of matrix_selector and subquery_expr. */
    private static String durationExpression(int last, TokenStream tokens, int index) {
        boolean afterColon = false;
        for (int i = index - 1; tokens.get(i).getType() != PromQLLexer.LEFT_BRACKET; i--) {
            afterColon |= tokens.get(i).getType() == PromQLLexer.COLON;
        }
        boolean afterOperand = last == PromQLLexer.NUMBER || last == PromQLLexer.DURATION
                || last == PromQLLexer.RIGHT_PAREN;
        if (afterColon) {
            return afterOperand ? " in subquery selector, expected \"]\""
                    : " in subquery selector, expected number, duration, step(), range(), or \"]\"";
        }
        return afterOperand ? " in subquery or range, expected \":\" or \"]\""
                : " in subquery or range selector, expected number, duration, step(), or range()";
    }

    /** The innermost comma-separated list the parser is in. */
    private static ParserRuleContext innermostList(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (c instanceof PromQLParser.CallArgumentsContext || c instanceof PromQLParser.LabelMatchersContext
                    || c instanceof PromQLParser.GroupingLabelsContext || c instanceof PromQLParser.IncludeLabelsContext) {
                return c;
            }
        }
        return null;
    }

    private static String labelMatching(int last) {
        switch (last) {
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

    /** Whether a token can end an expression, so that a following modifier keyword is a modifier. */
    private static boolean endsOperand(int type) {
        switch (type) {
            case PromQLLexer.IDENTIFIER:
            case PromQLLexer.METRIC_IDENTIFIER:
            case PromQLLexer.RIGHT_BRACE:
            case PromQLLexer.RIGHT_BRACKET:
            case PromQLLexer.RIGHT_PAREN:
            case PromQLLexer.NUMBER:
            case PromQLLexer.STRING:
            case PromQLLexer.DURATION:
            case PromQLLexer.BY:
            case PromQLLexer.WITHOUT:
            case PromQLLexer.OFFSET:
            case PromQLLexer.LAND:
            case PromQLLexer.LOR:
            case PromQLLexer.LUNLESS:
            case PromQLLexer.START:
            case PromQLLexer.END:
                return true;
            default:
                return isAggregateOp(type);
        }
    }

    private static boolean isAggregateOp(int type) {
        switch (type) {
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
            case PromQLLexer.LIMITK:
            case PromQLLexer.LIMIT_RATIO:
                return true;
            default:
                return false;
        }
    }

    /** lex.go's {@code Item.desc()}: {@code identifier "x"}, {@code <by>}, {@code <aggr:sum>}, {@code <op:+>}. */
    private String describe(Token token) {
        String text = token.getText();
        if (isAggregateOp(token.getType())) {
            return "<aggr:" + text + ">";
        }
        switch (token.getType()) {
            case Token.EOF:
                return "end of input";
            case PromQLLexer.IDENTIFIER:
                return "identifier " + GoQuote.quote(text);
            case PromQLLexer.METRIC_IDENTIFIER:
                return "metric identifier " + GoQuote.quote(text);
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
            case PromQLLexer.FILL:
            case PromQLLexer.FILL_LEFT:
            case PromQLLexer.FILL_RIGHT:
            case PromQLLexer.ANCHORED:
            case PromQLLexer.SMOOTHED:
                return "<" + text + ">";
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
            case PromQLLexer.TRIM_UPPER:
            case PromQLLexer.TRIM_LOWER:
            case PromQLLexer.EQL_REGEX:
            case PromQLLexer.NEQ_REGEX:
            case PromQLLexer.LAND:
            case PromQLLexer.LOR:
            case PromQLLexer.LUNLESS:
            case PromQLLexer.ATAN2:
                return "<op:" + text + ">";
            case PromQLLexer.AT:
                // Prometheus 2.42's token table lacks '@', so its description shows goyacc's internal token number.
                return profile.isPrometheus3() ? "<op:@>" : "\"<Item 57385>\" <op:@>";
            case PromQLLexer.INCLUDE_PAREN:
                return "\"(\"";
            default:
                return shortQuote(text);
        }
    }

    /** Go's {@code %.10q...} for long token texts, {@code %q} otherwise. */
    private static String shortQuote(String text) {
        return text.length() > 10 ? GoQuote.quotePrefix(text, 10) + "..." : GoQuote.quote(text);
    }
}
