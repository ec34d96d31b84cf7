package io.sloc.dsl;

import io.sloc.diag.BadInputException;
import io.sloc.diag.DidYouMean;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.antlr.SloSpecLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error and reports it in SRE terms ("expected a duration such as 5m") instead of
 * ANTLR's token names; no recovery, so one mistake gives exactly one message.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {
    private final String sourceName;

    FailFastErrorStrategy(String sourceName) {
        this.sourceName = sourceName;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        throw error(offending, e.getExpectedTokens());
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw error(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
    }

    /** ANTLR would drop the token and go on; we stop. */
    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        throw error(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
    }

    /** ANTLR would pretend the token was there and go on; we stop. */
    @Override
    protected void reportMissingToken(Parser recognizer) {
        throw error(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw error(e.getOffendingToken(), e.getExpectedTokens());
    }

    private BadInputException error(Token token, IntervalSet expected) {
        SourceLocation at = new SourceLocation(sourceName, token.getLine(), token.getCharPositionInLine() + 1);
        switch (token.getType()) {
            case SloSpecLexer.UNTERMINATED_STRING:
                return new BadInputException(at, "unterminated string: add the closing \" on the same line");
            case SloSpecLexer.UNTERMINATED_PROMQL:
                return new BadInputException(at, "unterminated PromQL block: add the closing backtick (`)");
            case SloSpecLexer.UNEXPECTED:
                return new BadInputException(at, "unexpected character '" + token.getText() + "'; "
                        + expectation(expected));
            case Token.EOF:
                return new BadInputException(at, "unexpected end of file; " + expectation(expected));
            default:
                return new BadInputException(at, "unexpected " + describe(token) + "; " + expectation(expected)
                        + (token.getType() == SloSpecLexer.IDENT ? DidYouMean.hint(token.getText(), keywords(expected))
                        : ""));
        }
    }

    /** The keywords the grammar accepts here, for a misspelt one. */
    private static List<String> keywords(IntervalSet expected) {
        List<String> keywords = new ArrayList<>();
        if (expected != null) {
            for (int type : expected.toList()) {
                if (isKeyword(type)) {
                    keywords.add(tokenDescription(type));
                }
            }
        }
        return keywords;
    }

    private static String describe(Token token) {
        String text = token.getText();
        if (token.getType() == SloSpecLexer.PROMQL) {
            return "PromQL block";
        }
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String expectation(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "check the syntax near here";
        }
        boolean anyName = expected.contains(SloSpecLexer.IDENT);
        List<String> words = new ArrayList<>();
        for (int type : expected.toList()) {
            String word = anyName && isKeyword(type) ? null : tokenDescription(type);
            if (word != null && !words.contains(word)) {
                words.add(word);
            }
        }
        if (words.size() == 1) {
            return "expected " + words.get(0);
        }
        return "expected one of: " + String.join(", ", words.subList(0, words.size() - 1)) + " or "
                + words.get(words.size() - 1);
    }

    private static boolean isKeyword(int type) {
        String literal = SloSpecLexer.VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    private static String tokenDescription(int type) {
        switch (type) {
            case SloSpecLexer.IDENT: return "a name";
            case SloSpecLexer.STRING: return "a \"quoted string\"";
            case SloSpecLexer.PROMQL: return "PromQL between backticks";
            case SloSpecLexer.DURATION: return "a duration such as 5m";
            case SloSpecLexer.PERCENT: return "a percentage such as 99.9%";
            case SloSpecLexer.NUMBER: return "a number";
            case Token.EOF: return "end of file";
            default:
                String literal = SloSpecLexer.VOCABULARY.getLiteralName(type);
                if (literal == null) {
                    return SloSpecLexer.VOCABULARY.getDisplayName(type);
                }
                String bare = literal.substring(1, literal.length() - 1);
                return Character.isLetter(bare.charAt(0)) ? bare : "'" + bare + "'";
        }
    }
}
