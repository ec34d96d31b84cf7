package io.sloc.dsl;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a spec file: strictly UTF-8, so that a file saved in another encoding is rejected at its first bad
 * byte rather than compiled with replacement characters; a leading byte-order mark (which some editors write) is
 * dropped.
 */
public final class SpecText {
    private static final char BOM = '\ufeff';

    private SpecText() {
    }

    public static String decode(byte[] bytes, String sourceName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw notUtf8(out.toString(), bytes[in.position()], sourceName);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.isEmpty() || text.charAt(0) != BOM ? text : text.substring(1);
    }

    /** Located at the bad byte: line and column (in characters) of the text decoded before it. */
    private static BadInputException notUtf8(String before, byte bad, String sourceName) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        int column = 1 + lastLine.codePointCount(0, lastLine.length()) - (before.startsWith(String.valueOf(BOM))
                && line == 1 ? 1 : 0);
        return new BadInputException(new SourceLocation(sourceName, line, column), String.format("byte 0x%02X is "
                + "not valid UTF-8; save the file as UTF-8", bad & 0xFF));
    }
}
