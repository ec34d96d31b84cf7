package io.sloc.golang.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fmt.Sprintf/Sprint/Sprintln behaviour as Go prints it. */
class GoPrintfTest {
    @Test
    void integers() {
        assertThat(GoPrintf.sprintf("%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%b|%.3d|%c|%q|%U", 42L, 42L, 42L, -42L, 42L,
                255L, 255L, 255L, 8L, 5L, 7L, 65L, 65L, 0x1F600L))
                .isEqualTo("42|   42|42   |-0042|+42|ff|FF|0xff|10|101|007|A|'A'|U+1F600");
    }

    @Test
    void floats() {
        assertThat(GoPrintf.sprintf("%v|%g|%.4g|%f|%.2f|%e|%E|%8.3f|%-8.3f|%08.3f|%+.2e|% f", 1e6, 1e6, 1234.5,
                3.14159, 2.675, 123456.0, 0.000123, 3.14159, 3.14159, -3.14159, 12345.678, 1.0))
                .isEqualTo("1e+06|1e+06|1234|3.141590|2.67|1.234560e+05|1.230000E-04|   3.142|3.142   |-003.142"
                        + "|+1.23e+04| 1.000000");
        assertThat(GoPrintf.sprintf("%#g|%#.3g|%#f|%v|%5.1f%%", 1.0, 2.0, 1.0, Double.NaN, 99.5))
                .isEqualTo("1.00000|2.00|1.000000|NaN| 99.5%");
        assertThat(GoPrintf.sprintf("%f|%+f|%05f", Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY))
                .isEqualTo("+Inf|+NaN| -Inf");
    }

    @Test
    void stringsAndQuoting() {
        assertThat(GoPrintf.sprintf("%s|%q|%v|%10s|%-10s|%.2s|%x|% x|%#q|%+q", "h\u00e9llo", "a\"b\n", "x", "abc",
                "abc", "abc", "hi", "hi", "back", "\u00e9"))
                .isEqualTo("h\u00e9llo|\"a\\\"b\\n\"|x|       abc|abc       |ab|6869|68 69|`back`|\"\\u00e9\"");
    }

    @Test
    void badArgumentsAreReportedInBand() {
        assertThat(GoPrintf.sprintf("%d|%s|%v|%t", "str", 1.5, null, 1L))
                .isEqualTo("%!d(string=str)|%!s(float64=1.5)|<nil>|%!t(int=1)");
        assertThat(GoPrintf.sprintf("%d %d", 1L)).isEqualTo("1 %!d(MISSING)");
        assertThat(GoPrintf.sprintf("%d", 1L, "x", 2.5, null)).isEqualTo("1%!(EXTRA string=x, float64=2.5, <nil>)");
        assertThat(GoPrintf.sprintf("abc%")).isEqualTo("abc%!(NOVERB)");
        assertThat(GoPrintf.sprintf("%[3]d", 1L)).isEqualTo("%!d(BADINDEX)");
        assertThat(GoPrintf.sprintf("%.*d", "x", 5L)).isEqualTo("%!(BADPREC)5");
    }

    @Test
    void argumentIndexesAndStarWidths() {
        assertThat(GoPrintf.sprintf("%*d|%.*f|%[2]d %[1]d", 5L, 3L, 2L, 3.14159)).isEqualTo("    3|3.14|3 5");
        assertThat(GoPrintf.sprintf("%-*d|", 5L, 1L)).isEqualTo("1    |");
    }

    @Test
    void compositeValuesAndTypes() {
        assertThat(GoPrintf.sprintf("%v %v %T %T %T", Map.of("b", "2", "a", "1"), List.of(1L, "x"), 1.5, 1L,
                Map.of())).isEqualTo("map[a:1 b:2] [1 x] float64 int map[string]string");
        assertThat(GoPrintf.sprintf("%#v", Map.of("a", "b"))).isEqualTo("map[string]string{\"a\":\"b\"}");
    }

    @Test
    void sprintSpacesOnlyBetweenNonStrings() {
        assertThat(GoPrintf.sprint("a", 1L, 2L, "b", 3.5, true)).isEqualTo("a1 2b3.5 true");
        assertThat(GoPrintf.sprintln("a", 1L)).isEqualTo("a 1\n");
        assertThat(GoPrintf.sprint(1.0, 2.5e10, -0.0)).isEqualTo("1 2.5e+10 -0");
    }
}
