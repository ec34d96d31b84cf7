package io.sloc.golang.yaml;

import java.nio.charset.StandardCharsets;

/**
 * go-yaml's reader (readerc.go, the same in yaml.v2 and yaml.v3): the bytes of a YAML file become text only if they
 * are well-formed UTF-8, or UTF-16 announced by a leading byte-order mark, without control characters; otherwise the
 * file fails with libyaml's reader problem, which has no line ({@code yaml: invalid trailing UTF-8 octet}). A leading
 * byte-order mark is dropped; without one the file is UTF-8.
 *
 * <p>libyaml decodes ahead of its scanner in 512-byte chunks, so a syntax error more than a chunk before a bad byte
 * would win there; here the reader problem always wins.
 */
public final class GoYamlReader {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private GoYamlReader() {
    }

    /** The text of {@code bytes}, or libyaml's reader problem as a {@link GoYaml.YamlError} without a line. */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decodeUtf16(bytes, 0, 1);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decodeUtf16(bytes, 1, 0);
        }
        int start = startsWithBom(bytes) ? BOM.length : 0;
        for (int i = start; i < bytes.length; ) {
            int octet = bytes[i] & 0xFF;
            int width = width(octet);
            if (width == 0) {
                throw problem("invalid leading UTF-8 octet");
            }
            if (i + width > bytes.length) {
                throw problem("incomplete UTF-8 octet sequence");
            }
            int value = octet & (0xFF >> (width == 1 ? 1 : width + 1));
            for (int k = 1; k < width; k++) {
                int trailing = bytes[i + k] & 0xFF;
                if ((trailing & 0xC0) != 0x80) {
                    throw problem("invalid trailing UTF-8 octet");
                }
                value = (value << 6) + (trailing & 0x3F);
            }
            if (!shortestForm(width, value)) {
                throw problem("invalid length of a UTF-8 sequence");
            }
            if (value >= 0xD800 && value <= 0xDFFF || value > 0x10FFFF) {
                throw problem("invalid Unicode character");
            }
            if (!printable(value)) {
                throw problem("control characters are not allowed");
            }
            i += width;
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /**
     * UTF-16 after its 2-byte byte-order mark; {@code low} and {@code high} are the offsets of a code unit's low and
     * high byte (little endian: 0 and 1).
     */
    private static String decodeUtf16(byte[] bytes, int low, int high) {
        StringBuilder text = new StringBuilder(bytes.length / 2);
        for (int i = 2; i < bytes.length; ) {
            if (i + 2 > bytes.length) {
                throw problem("incomplete UTF-16 character");
            }
            int value = codeUnit(bytes, i, low, high);
            int width = 2;
            if ((value & 0xFC00) == 0xDC00) {
                throw problem("unexpected low surrogate area");
            }
            if ((value & 0xFC00) == 0xD800) {
                if (i + 4 > bytes.length) {
                    throw problem("incomplete UTF-16 surrogate pair");
                }
                int second = codeUnit(bytes, i + 2, low, high);
                if ((second & 0xFC00) != 0xDC00) {
                    throw problem("expected low surrogate area");
                }
                value = 0x10000 + ((value & 0x3FF) << 10) + (second & 0x3FF);
                width = 4;
            }
            if (!printable(value)) {
                throw problem("control characters are not allowed");
            }
            text.appendCodePoint(value);
            i += width;
        }
        return text.toString();
    }

    private static int codeUnit(byte[] bytes, int at, int low, int high) {
        return (bytes[at + low] & 0xFF) | (bytes[at + high] & 0xFF) << 8;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** The length of the sequence a leading octet announces; 0 if it cannot lead one. */
    private static int width(int octet) {
        if ((octet & 0x80) == 0) {
            return 1;
        }
        if ((octet & 0xE0) == 0xC0) {
            return 2;
        }
        if ((octet & 0xF0) == 0xE0) {
            return 3;
        }
        return (octet & 0xF8) == 0xF0 ? 4 : 0;
    }

    private static boolean shortestForm(int width, int value) {
        return switch (width) {
            case 1 -> true;
            case 2 -> value >= 0x80;
            case 3 -> value >= 0x800;
            default -> value >= 0x10000;
        };
    }

    /** The characters YAML 1.1 allows in a stream. */
    private static boolean printable(int value) {
        return value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20 && value <= 0x7E || value == 0x85
                || value >= 0xA0 && value <= 0xD7FF || value >= 0xE000 && value <= 0xFFFD
                || value >= 0x10000 && value <= 0x10FFFF;
    }

    private static GoYaml.YamlError problem(String text) {
        return new GoYaml.YamlError("yaml: " + text, 0);
    }
}
