package io.sloc.promql.parser;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.antlr.PromQLLexer;
import io.sloc.promql.antlr.PromQLParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Prometheus's LALR parser reduces every construct that is complete before a syntax error and reports the
 * errors of those reductions (a zero duration, an unknown function, a bad regex...) first. This finds such an
 * error in the partial parse tree at the moment ANTLR detects a syntax error.
 */
final class EarlierErrors {
    private EarlierErrors() {
    }

    /** The first error of a construct completed before token {@code errorIndex}, or null. */
    static QueryError find(ParserRuleContext errorContext, Token previous, int errorIndex, PromqlProfile profile) {
        // A duration right before the error was reduced before the parser looked at the offending token.
        if (previous != null) {
            QueryError error = durationError(previous, errorIndex);
            if (error != null) {
                return error;
            }
        }
        // Left-recursive rule contexts are linked to their parents only when they finish, so walk the chain of
        // unfinished contexts from the outside in rather than the tree from its root.
        Deque<ParserRuleContext> chain = new ArrayDeque<>();
        Map<RuleContext, Boolean> active = new IdentityHashMap<>();
        for (ParserRuleContext c = errorContext; c != null; c = c.getParent()) {
            chain.push(c);
            active.put(c, Boolean.TRUE);
        }
        // A failed prediction right after an operand reports that operand's (finished) context.
        if (errorContext instanceof PromQLParser.ExprContext && endsBefore(errorContext, errorIndex)) {
            QueryError error = buildError(errorContext, Map.of(), errorIndex, profile);
            if (error != null) {
                return error;
            }
        }
        for (ParserRuleContext c : chain) {
            QueryError error = search(c, active, errorIndex, profile);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static QueryError search(ParserRuleContext node, Map<RuleContext, Boolean> active, int errorIndex,
                                      PromqlProfile profile) {
        for (int i = 0; i < node.getChildCount(); i++) {
            ParseTree child = node.getChild(i);
            QueryError error = null;
            if (child instanceof TerminalNode) {
                error = durationError(((TerminalNode) child).getSymbol(), errorIndex);
            } else if (!active.containsKey(child) && isComplete((ParserRuleContext) child, errorIndex)) {
                error = buildError((ParserRuleContext) child, active, errorIndex, profile);
            }
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static QueryError buildError(ParserRuleContext child, Map<RuleContext, Boolean> active, int errorIndex,
                                         PromqlProfile profile) {
        try {
            if (child instanceof PromQLParser.ExprContext) {
                PromqlAstBuilder.build((PromQLParser.ExprContext) child, profile);
                return null;
            }
            if (child instanceof PromQLParser.LabelMatcherContext) {
                PromqlAstBuilder.labelMatcher((PromQLParser.LabelMatcherContext) child, profile);
                return null;
            }
        } catch (QueryError e) {
            return e;
        }
        return search(child, active, errorIndex, profile);
    }

    private static boolean isComplete(ParserRuleContext c, int errorIndex) {
        return c.exception == null && endsBefore(c, errorIndex);
    }

    private static boolean endsBefore(ParserRuleContext c, int errorIndex) {
        Token stop = c.getStop();
        return stop != null && stop.getTokenIndex() >= c.getStart().getTokenIndex() && stop.getTokenIndex() < errorIndex;
    }

    /** A duration directly inside an unfinished construct has already been reduced (and checked). */
    private static QueryError durationError(Token token, int errorIndex) {
        if (token.getType() != PromQLLexer.DURATION || token.getTokenIndex() >= errorIndex) {
            return null;
        }
        try {
            PromqlAstBuilder.duration(token);
            return null;
        } catch (QueryError e) {
            return e;
        }
    }
}
