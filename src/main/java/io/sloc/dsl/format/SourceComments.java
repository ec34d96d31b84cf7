package io.sloc.dsl.format;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.antlr.SloSpecLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Attaches the comments of a spec's source to its statements. A comment after code on its line belongs to the last
 * statement starting on that line (preferring one in the comment's own block); a comment on a line of its own
 * belongs before the next statement, or, when only a {@code }} follows, after the last statement of its block.
 */
final class SourceComments {
    private final List<Token> tokens;
    /** Statement locations in source order, each with its block depth. */
    private final TreeMap<Position, Integer> statements = new TreeMap<>();
    private final String source;

    private SourceComments(String text, String source, List<SourceLocation> statementLocations) {
        this.source = source;
        SloSpecLexer lexer = new SloSpecLexer(CharStreams.fromString(text, source));
        lexer.removeErrorListeners();
        this.tokens = new ArrayList<>(lexer.getAllTokens());
        for (SourceLocation at : statementLocations) {
            Position position = new Position(at.line(), at.column());
            statements.put(position, depthAt(position));
        }
    }

    static SpecComments attach(String text, String source, List<SourceLocation> statementLocations) {
        return new SourceComments(text, source, statementLocations).attach();
    }

    private SpecComments attach() {
        SpecComments.Builder comments = SpecComments.builder();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.getType() != SloSpecLexer.COMMENT) {
                continue;
            }
            Position at = position(token);
            String text = token.getText().substring(1).stripTrailing();
            Token previous = code(i, -1);
            Token next = code(i, +1);
            int depth = depthAt(at);
            if (previous != null && previous.getLine() == token.getLine()) {
                Position owner = endOfLineOwner(at, depth);
                if (owner != null) {
                    comments.endOfLineAsWritten(location(owner), text);
                    continue;
                }
            }
            boolean blankAfter = i + 1 < tokens.size() && tokens.get(i + 1).getLine() > token.getLine() + 1;
            if (next == null || next.getType() == SloSpecLexer.RBRACE) {
                Position last = lastInBlock(at, depth);
                if (last != null) {
                    comments.afterAsWritten(location(last), text);
                    continue;
                }
                Position owner = lastAtDepth(at, depth - 1);
                if (owner != null) {
                    comments.beforeAsWritten(location(owner), text, blankAfter);
                } else {
                    comments.atFileEnd(text, blankAfter);
                }
                continue;
            }
            Position following = statements.ceilingKey(position(next));
            if (following != null) {
                comments.beforeAsWritten(location(following), text, blankAfter);
            } else {
                comments.atFileEnd(text, blankAfter);
            }
        }
        return comments.build();
    }

    /** The last statement starting on the comment's line before it, in the comment's block if one does. */
    private Position endOfLineOwner(Position comment, int depth) {
        Position last = null;
        Position sameBlock = null;
        for (var entry : statements.headMap(comment, false).descendingMap().entrySet()) {
            if (entry.getKey().line() != comment.line()) {
                break;
            }
            last = last == null ? entry.getKey() : last;
            if (sameBlock == null && entry.getValue() == depth) {
                sameBlock = entry.getKey();
            }
        }
        return sameBlock != null ? sameBlock : last;
    }

    /** The last statement before {@code at} in the same block, or null when the block has none before it. */
    private Position lastInBlock(Position at, int depth) {
        for (var entry : statements.headMap(at, false).descendingMap().entrySet()) {
            if (entry.getValue() < depth) {
                return null;
            }
            if (entry.getValue() == depth) {
                return entry.getKey();
            }
        }
        return null;
    }

    private Position lastAtDepth(Position at, int depth) {
        for (var entry : statements.headMap(at, false).descendingMap().entrySet()) {
            if (entry.getValue() == depth) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The next ({@code step} 1) or previous (-1) code token from index {@code i}, or null. */
    private Token code(int i, int step) {
        for (int j = i + step; j >= 0 && j < tokens.size(); j += step) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(j);
            }
        }
        return null;
    }

    /** How many braces are open before {@code at}. */
    private int depthAt(Position at) {
        int depth = 0;
        for (Token token : tokens) {
            if (position(token).compareTo(at) >= 0) {
                break;
            }
            if (token.getType() == SloSpecLexer.LBRACE) {
                depth++;
            } else if (token.getType() == SloSpecLexer.RBRACE) {
                depth--;
            }
        }
        return depth;
    }

    private SourceLocation location(Position position) {
        return new SourceLocation(source, position.line(), position.column());
    }

    private static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    private record Position(int line, int column) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
        }
    }
}
