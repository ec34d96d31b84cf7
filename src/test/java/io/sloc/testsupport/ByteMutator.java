package io.sloc.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Damages input the way careless editing and wrong encodings do: bytes deleted, duplicated or replaced, and bytes
 * inserted that parsers find hard (brackets, quotes, indentation, control characters, Latin-1 and broken UTF-8,
 * a byte-order mark). {@code fuzz.tries} (a system property, e.g. {@code mvn -Dfuzz.tries=100000}) says how many
 * inputs a fuzz test tries.
 */
public final class ByteMutator {
    private static final String[] JUNK = {"[", "]", "{", "}", "(", ")", ":", "- ", "\n", "\t", "  ", "\"", "'", "`",
        "#", "&a ", "*a", "!!int ", "{{", "}}", "%", "0", "9", ".", "5m", "1e400", "99.", "\u0000", "\f", "\r",
        "\u007f", "\\", "$window", "..", "/", "service", "slo", "objective", "tests:", "groups:", "expr:", "by ("};
    private static final byte[][] BYTES = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xe9}, {(byte) 0xc0, (byte) 0x80},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {(byte) 0xe2, (byte) 0x82}};

    private final Random random;

    public ByteMutator(Random random) {
        this.random = random;
    }

    /** How many inputs to try: {@code fuzz.tries} if set, else {@code fallback}. */
    public static int tries(int fallback) {
        return Integer.getInteger("fuzz.tries", fallback);
    }

    /** Prints a line every 10,000 inputs, so that a long run shows how far it got. */
    public static void progress(String kind, int inputsDone) {
        if (inputsDone % 10_000 == 0) {
            System.out.printf("fuzzed %s: %d inputs so far, 0 crashes%n", kind, inputsDone);
        }
    }

    /** {@code input} with one to four random edits. */
    public byte[] mutate(byte[] input) {
        byte[] out = input;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            out = edit(out);
        }
        return out;
    }

    private byte[] edit(byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        int span = Math.min(in.length - at, 1 + random.nextInt(16));
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        out.write(in, 0, at);
        switch (random.nextInt(5)) {
            case 0 -> out.write(in, at + span, in.length - at - span);
            case 1 -> {
                out.write(in, at, span);
                out.write(in, at, in.length - at);
            }
            case 2 -> {
                out.writeBytes(junk());
                out.write(in, at, in.length - at);
            }
            case 3 -> {
                out.writeBytes(junk());
                out.write(in, at + span, in.length - at - span);
            }
            default -> {
                out.writeBytes(BYTES[random.nextInt(BYTES.length)]);
                out.write(in, at, in.length - at);
            }
        }
        return out.toByteArray();
    }

    private byte[] junk() {
        return JUNK[random.nextInt(JUNK.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
