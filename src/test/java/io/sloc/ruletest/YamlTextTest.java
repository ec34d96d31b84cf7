package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test and rule files whose bytes are not what YAML allows (not UTF-8, control characters, a byte-order mark,
 * UTF-16 with or without one) or that nest deeply: the verdict and message of go-yaml's reader and depth limit under promtool, exactly, and the
 * same output as the real promtool.
 */
class YamlTextTest {
    private static final String PASSING = "rule_files: []\ntests:\n- interval: 1m\n  name: \"%s\"\n";

    @TempDir
    Path dir;

    static Stream<Arguments> testFiles() {
        return Stream.of(
                Arguments.of("leading", bytes(PASSING, "a\u00ffb"), "yaml: invalid leading UTF-8 octet"),
                Arguments.of("trailing", bytes(PASSING, "a\u00c3"), "yaml: invalid trailing UTF-8 octet"),
                Arguments.of("latin1 comment", bytes("rule_files: []\n# \u00e9t\u00e9\ntests: []\n"),
                        "yaml: invalid trailing UTF-8 octet"),
                Arguments.of("incomplete", bytes("rule_files: []\ntests: []\n# \u00e2\u0082"),
                        "yaml: incomplete UTF-8 octet sequence"),
                Arguments.of("overlong", bytes(PASSING, "\u00c0\u0080"), "yaml: invalid length of a UTF-8 sequence"),
                Arguments.of("surrogate", bytes(PASSING, "\u00ed\u00a0\u0080"), "yaml: invalid Unicode character"),
                Arguments.of("nul", bytes(PASSING, "a\u0000b"), "yaml: control characters are not allowed"),
                Arguments.of("form feed", bytes("rule_files: []\n\ftests: []\n"),
                        "yaml: control characters are not allowed"),
                Arguments.of("bom", bytes("\u00ef\u00bb\u00bf" + PASSING, "ok"), null),
                Arguments.of("utf-16le", utf16(true, String.format(PASSING, "\u00e9\ud83d\ude00")), null),
                Arguments.of("utf-16be", utf16(false, String.format(PASSING, "\u00e9\ud83d\ude00")), null),
                Arguments.of("utf-16 odd length", Arrays.copyOf(utf16(true, PASSING), 2 * PASSING.length() + 3),
                        "yaml: incomplete UTF-16 character"),
                Arguments.of("utf-16 lone low surrogate", utf16(false, String.format(PASSING, "a\udc00")),
                        "yaml: unexpected low surrogate area"),
                Arguments.of("utf-16 high surrogate at the end", utf16(true, PASSING + "\ud83d"),
                        "yaml: incomplete UTF-16 surrogate pair"),
                Arguments.of("utf-16 high surrogate alone", utf16(true, String.format(PASSING, "\ud83da")),
                        "yaml: expected low surrogate area"),
                Arguments.of("utf-16 control character", utf16(false, String.format(PASSING, "a\u0007")),
                        "yaml: control characters are not allowed"),
                Arguments.of("utf-16 without byte-order mark",
                        Arrays.copyOfRange(utf16(true, String.format(PASSING, "ok")), 2, 2 * PASSING.length()),
                        "yaml: control characters are not allowed"),
                Arguments.of("depth 60", nested(60), "yaml: unmarshal errors:\n  line 2: field x not found in "
                        + "type main.unitTestFile"),
                Arguments.of("depth 10000", nested(10_000), "yaml: unmarshal errors:\n  line 2: field x not found "
                        + "in type main.unitTestFile"),
                Arguments.of("depth 10001", nested(10_001), "yaml: line 2: exceeded max depth of 10000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testFiles")
    void testFileAsPromtoolReadsIt(String name, byte[] content, String expectedError) throws IOException {
        Files.write(dir.resolve("t.yml"), content);
        PromtoolDifferentialTest.Outcome sloc = PromtoolDifferentialTest.runSloc(dir, "t.yml");
        if (expectedError == null) {
            assertThat(sloc.exitCode()).as(sloc.toString()).isZero();
        } else {
            assertThat(sloc.exitCode()).isEqualTo(1);
            assertThat(sloc.stderr()).isEqualTo("  FAILED:\n" + expectedError + "\n");
        }
        UserFacingText.assertNoJavaClassNames(sloc.toString());
        assertThat(PromtoolDifferentialTest.promtoolAgrees(dir, sloc, "t.yml")).as(sloc.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testFiles")
    void ruleFileAsPromtoolReadsIt(String name, byte[] content, String expectedError) throws IOException {
        Files.write(dir.resolve("r.yml"), ruleFile(content));
        Files.writeString(dir.resolve("t.yml"), "rule_files: [r.yml]\ntests:\n- interval: 1m\n");
        PromtoolDifferentialTest.Outcome sloc = PromtoolDifferentialTest.runSloc(dir, "t.yml");
        UserFacingText.assertNoJavaClassNames(sloc.toString());
        assertThat(PromtoolDifferentialTest.promtoolAgrees(dir, sloc, "t.yml")).as(sloc.toString()).isTrue();
    }

    /** The same bytes in a rule file: its first line becomes a group list, the rest stays. */
    private static byte[] ruleFile(byte[] testFile) {
        String text = new String(testFile, StandardCharsets.ISO_8859_1).replace("rule_files: []", "groups: []")
                .replace("tests:", "x_tests:");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] nested(int depth) {
        return bytes("rule_files: []\nx: " + "[".repeat(depth) + "]".repeat(depth) + "\ntests: []\n");
    }

    /** UTF-16 after its byte-order mark, each char one code unit (so lone surrogates too). */
    private static byte[] utf16(boolean littleEndian, String text) {
        ByteBuffer out = ByteBuffer.allocate(2 + 2 * text.length())
                .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        out.putChar('\ufeff');
        text.chars().forEach(c -> out.putChar((char) c));
        return out.array();
    }

    /** Each char is one byte: how to write bytes that are not UTF-8. */
    private static byte[] bytes(String format, Object... args) {
        return String.format(format, args).getBytes(StandardCharsets.ISO_8859_1);
    }
}
