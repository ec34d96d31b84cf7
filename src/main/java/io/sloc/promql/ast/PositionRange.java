package io.sloc.promql.ast;

import java.nio.charset.StandardCharsets;

/** Character offsets [start, end) of a node inside the query text. Ignored by AST equality helpers. */
public record PositionRange(int start, int end) {
    public static final PositionRange NONE = new PositionRange(-1, -1);

    /**
     * A place in a query: 1-based line, Prometheus's column (1-based, in UTF-8 bytes, as Go counts) and the
     * character column editors show.
     */
    public record LineColumn(int line, int byteColumn, int charColumn) {
        /** Where {@code offset} (a character index, clamped to the text) falls in {@code query}. */
        public static LineColumn of(String query, int offset) {
            int end = Math.max(0, Math.min(offset, query.length()));
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < end; i++) {
                if (query.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int bytes = query.substring(lineStart, end).getBytes(StandardCharsets.UTF_8).length;
            return new LineColumn(line, bytes + 1, end - lineStart + 1);
        }
    }
}
