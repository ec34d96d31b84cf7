package io.sloc.promql.parser;

import io.sloc.diag.SourceLocation;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.antlr.PromQLLexer;
import io.sloc.promql.antlr.PromQLParser;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.PositionRange;
import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Parses PromQL expressions exactly as the profile's Prometheus version does (syntax, type checks, error messages).
 * Thread-safe; every call is independent.
 */
public final class PromqlParser {
    /** Deepest nesting of parentheses or operators accepted; deeper input is rejected, never a stack overflow. */
    static final int MAX_NESTING = 1000;
    static final String TOO_DEEP = "expression is nested too deeply (more than " + MAX_NESTING + " levels)";
    private static final SourceLocation QUERY = new SourceLocation("<query>", 1, 1);

    private PromqlParser() {
    }

    /** Parses as Prometheus 2.42 does. @throws PromqlParseException for anything Prometheus would reject */
    public static Expr parse(String query) {
        return parse(query, QUERY, PromqlProfile.V2_42);
    }

    /** @throws PromqlParseException for anything this profile's Prometheus would reject */
    public static Expr parse(String query, PromqlProfile profile) {
        return parse(query, QUERY, profile);
    }

    /**
     * @param origin where the query text starts in its file; error locations are shifted there
     * @throws PromqlParseException for anything this profile's Prometheus would reject
     */
    public static Expr parse(String query, SourceLocation origin, PromqlProfile profile) {
        try {
            PromQLParser.ExprContext tree = parseTree(query, profile).expr();
            checkDepth(tree);
            return TypeChecker.check(PromqlAstBuilder.build(tree, profile), query, profile);
        } catch (QueryError e) {
            throw exception(query, origin, e.start(), e.end(), e.getMessage());
        } catch (StackOverflowError e) {
            throw exception(query, origin, 0, query.length(), TOO_DEEP);
        }
    }

    private static PromQLParser.QueryContext parseTree(String query, PromqlProfile profile) {
        // UTF-16 units as symbols, so that token offsets are Java string indexes even around surrogate pairs.
        PromQLLexer lexer = new PromQLLexer(CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(query.toCharArray()))));
        lexer.removeErrorListeners();
        lexer.setPrometheus3(profile.isPrometheus3());
        CommonTokenStream tokens = new CommonTokenStream(new LexerErrors(lexer, query, profile.isPrometheus3()));
        tokens.fill();
        if (tokens.size() == 1 && tokens.get(0).getType() == PromQLLexer.EOF) {
            throw new QueryError(0, 0, "no expression found in input");
        }
        PromQLParser parser = new PromQLParser(tokens);
        parser.prometheus3 = profile.isPrometheus3();
        parser.removeErrorListeners();
        // Fast SLL prediction first; only if it fails, full LL, which also finds the exact error position.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.query();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrors(profile));
            return parser.query();
        }
    }

    /**
     * Rejects expressions nested deeper than {@link #MAX_NESTING} before the recursive AST builder, type checker
     * and every later consumer see them (ANTLR builds long left-associative chains without recursion).
     */
    private static void checkDepth(PromQLParser.ExprContext root) {
        Deque<ParseTree> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            ParseTree node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_NESTING) {
                throw new QueryError(root.getStart().getStartIndex(), root.getStop().getStopIndex() + 1, TOO_DEEP);
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                ParseTree child = node.getChild(i);
                if (child.getChildCount() > 0) {
                    nodes.push(child);
                    depths.push(child instanceof PromQLParser.ExprContext ? depth + 1 : depth);
                }
            }
        }
    }

    static PromqlParseException exception(String query, SourceLocation origin, int start, int end,
                                                  String message) {
        // Prometheus counts columns in bytes; editors (and our file locations) count characters.
        PositionRange.LineColumn at = PositionRange.LineColumn.of(query, start);
        String prometheus = at.line() + ":" + at.byteColumn() + ": parse error: " + message;
        SourceLocation location = origin.isKnown() ? origin.shift(at.line(), at.charColumn()) : origin;
        return new PromqlParseException(location, new PositionRange(start, Math.max(start, end)), at.line(),
                at.byteColumn(), message, prometheus);
    }
}
