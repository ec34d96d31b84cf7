package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.value.Labels;
import org.junit.jupiter.api.Test;

/** Byte escapes in PromQL strings are bytes, as Go's strconv.Unquote keeps them. */
class RawBytesTest {
    private static String literal(String query) {
        return ((StringLiteral) PromqlParser.parse(query, PromqlProfile.V3_14)).value();
    }

    @Test
    void byteEscapesThatFormUtf8AreItsCharacter() {
        assertThat(literal("\"\\xc3\\xbf\"")).isEqualTo("\u00ff");
        assertThat(literal("\"\\303\\277\"")).isEqualTo("\u00ff");
        assertThat(literal("\"\\xe2\\x82\\xac!\"")).isEqualTo("\u20ac!");
        assertThat(literal("\"\\u00ff\"")).isEqualTo("\u00ff");
    }

    @Test
    void aByteThatIsNotUtf8StaysInvalidAndQuotesBackAsItsEscape() {
        String invalid = literal("\"a\\xc5z\"");
        assertThat(Labels.isValidName(invalid, true)).isFalse();
        assertThat(GoQuote.quote(invalid)).isEqualTo("\"a\\xc5z\"");
        assertThat(Labels.isValidName(literal("\"\\xc3\\xbf\""), true)).isTrue();
        assertThat(Labels.isValidName("\u00ff", false)).isFalse();
        assertThat(literal("\"\\xc3\\x28\"")).hasSize(2).doesNotContain("\u00c3");
    }
}
