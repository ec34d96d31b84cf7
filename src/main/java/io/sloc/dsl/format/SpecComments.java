package io.sloc.dsl.format;

import io.sloc.diag.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments attached to the statements of a spec, each statement named by the location of its AST node (a
 * {@code Located} value's location, or a node's {@code location()}). A statement can have comment lines before it
 * ({@link Builder#before}), one comment at the end of its line ({@link Builder#endOfLine}), and comment lines after
 * it that close its block ({@link Builder#after}). Built from a spec's source by {@link SpecFormatter}, or by hand
 * for an AST built without source text: give each node you comment a distinct location.
 *
 * <p>The printer consumes each comment when it prints it; {@link #unprinted()} lists what it never reached.
 */
public final class SpecComments {
    private final Map<SourceLocation, Attached> attached;
    private final List<Comment> fileEnd;

    private SpecComments(Map<SourceLocation, Attached> attached, List<Comment> fileEnd) {
        this.attached = attached;
        this.fileEnd = fileEnd;
    }

    public static SpecComments none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One comment line: {@code text} is what follows {@code #}; {@code blankAfter} keeps a blank line after it. */
    record Comment(String text, boolean blankAfter) {
        String rendered() {
            return text.isEmpty() ? "#" : "#" + text;
        }
    }

    List<Comment> takeLeading(SourceLocation statement) {
        Attached a = attached.get(statement);
        return a == null ? List.of() : a.take(a.leading);
    }

    Optional<String> takeEndOfLine(SourceLocation statement) {
        Attached a = attached.get(statement);
        if (a == null || a.endOfLine == null) {
            return Optional.empty();
        }
        String text = a.endOfLine.rendered();
        a.endOfLine = null;
        return Optional.of(text);
    }

    List<Comment> takeAfter(SourceLocation statement) {
        Attached a = attached.get(statement);
        return a == null ? List.of() : a.take(a.after);
    }

    /** Whether comments before or after {@code statement} are still to be printed (then it needs its own line). */
    boolean hasOwnLineComments(SourceLocation statement) {
        Attached a = attached.get(statement);
        return a != null && (!a.leading.isEmpty() || !a.after.isEmpty());
    }

    boolean hasAny(SourceLocation statement) {
        Attached a = attached.get(statement);
        return hasOwnLineComments(statement) || a != null && a.endOfLine != null;
    }

    List<Comment> takeFileEnd() {
        List<Comment> taken = List.copyOf(fileEnd);
        fileEnd.clear();
        return taken;
    }

    /** Comments not printed yet, as {@code source:line: #text}; empty after a complete print. */
    public List<String> unprinted() {
        List<String> left = new ArrayList<>();
        attached.forEach((at, a) -> {
            a.leading.forEach(c -> left.add(at + " " + c.rendered()));
            if (a.endOfLine != null) {
                left.add(at + " " + a.endOfLine.rendered());
            }
            a.after.forEach(c -> left.add(at + " " + c.rendered()));
        });
        fileEnd.forEach(c -> left.add("end of file " + c.rendered()));
        return left;
    }

    private static final class Attached {
        final List<Comment> leading = new ArrayList<>();
        Comment endOfLine;
        final List<Comment> after = new ArrayList<>();

        List<Comment> take(List<Comment> comments) {
            List<Comment> taken = List.copyOf(comments);
            comments.clear();
            return taken;
        }
    }

    /** Collects comments; the text of each line is what follows {@code #} (a leading space is added if missing). */
    public static final class Builder {
        private final Map<SourceLocation, Attached> attached = new HashMap<>();
        private final List<Comment> fileEnd = new ArrayList<>();

        private Builder() {
        }

        /** Comment lines before a statement; a multi-line {@code text} becomes one comment line per line. */
        public Builder before(SourceLocation statement, String text) {
            lines(text).forEach(line -> at(statement).leading.add(new Comment(line, false)));
            return this;
        }

        /** Ends the comment at the end of a statement's line (a multi-line text goes before it instead). */
        public Builder endOfLine(SourceLocation statement, String text) {
            if (text.contains("\n")) {
                return before(statement, text);
            }
            at(statement).endOfLine = new Comment(normalised(text), false);
            return this;
        }

        /** Comment lines after a statement, before the end of the enclosing block. */
        public Builder after(SourceLocation statement, String text) {
            lines(text).forEach(line -> at(statement).after.add(new Comment(line, false)));
            return this;
        }

        public SpecComments build() {
            return new SpecComments(attached, fileEnd);
        }

        Builder beforeAsWritten(SourceLocation statement, String line, boolean blankAfter) {
            at(statement).leading.add(new Comment(line, blankAfter));
            return this;
        }

        Builder endOfLineAsWritten(SourceLocation statement, String line) {
            at(statement).endOfLine = new Comment(line, false);
            return this;
        }

        Builder afterAsWritten(SourceLocation statement, String line) {
            at(statement).after.add(new Comment(line, false));
            return this;
        }

        Builder atFileEnd(String line, boolean blankAfter) {
            fileEnd.add(new Comment(line, blankAfter));
            return this;
        }

        private Attached at(SourceLocation statement) {
            return attached.computeIfAbsent(statement, s -> new Attached());
        }

        private static List<String> lines(String text) {
            return text.lines().map(Builder::normalised).toList();
        }

        private static String normalised(String line) {
            String trimmed = line.stripTrailing();
            return trimmed.isEmpty() || trimmed.startsWith(" ") ? trimmed : " " + trimmed;
        }
    }
}
