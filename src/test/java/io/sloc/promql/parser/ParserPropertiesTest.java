package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.ast.Ast;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ValueType;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties over generated ASTs and random text. */
class ParserPropertiesTest {
    private static final List<String> CORPUS = corpusOrEmpty();

    @Property(tries = 1500)
    void printedAstsParseBackToTheSameAst(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int depth,
                                          @ForAll ValueType type) {
        Expr original = new RandomExprs(seed).of(type, depth);
        String printed = PromqlPrinter.print(original);
        Expr parsed = PromqlParser.parse(printed);
        assertThat(Ast.withoutParentheses(parsed)).as(printed).isEqualTo(Ast.withoutParentheses(original));
        assertThat(parsed.type()).isEqualTo(original.type());
        // Once parsed, printing and parsing again changes nothing, parentheses included.
        String reprinted = PromqlPrinter.print(parsed);
        assertThat(reprinted).isEqualTo(printed);
        assertThat(Ast.withoutPositions(PromqlParser.parse(reprinted))).isEqualTo(Ast.withoutPositions(parsed));
    }

    @Property(tries = 3000)
    void randomQueriesOnlyEverFailWithParseExceptions(@ForAll long seed) {
        checkRobust(new RandomQueries(seed, CORPUS).next());
    }

    @Property(tries = 2000)
    void arbitraryTextOnlyEverFailsWithParseExceptions(@ForAll("promqlishText") String query) {
        checkRobust(query);
    }

    @Provide
    Arbitrary<String> promqlishText() {
        return Arbitraries.strings().withChars("(){}[],:=~!@+-*/%^<>\"'`#.\\ \n\tabexyzINF0123456789_")
                .withCharRange('\u0000', '\uffff').ofMaxLength(30);
    }

    private static void checkRobust(String query) {
        Expr parsed;
        try {
            parsed = PromqlParser.parse(query);
        } catch (PromqlParseException e) {
            assertThat(e.prometheusMessage()).matches("\\d+:\\d+: parse error: .+");
            assertThat(e.position().start()).isBetween(0, query.length());
            return;
        }
        // Whatever parses also prints to something that parses back to the same AST.
        assertThat(Ast.withoutPositions(PromqlParser.parse(PromqlPrinter.print(parsed))))
                .as(query).isEqualTo(Ast.withoutPositions(parsed));
    }

    private static List<String> corpusOrEmpty() {
        try {
            return Corpus.evalExpressions();
        } catch (RuntimeException | Error skippedWhenAbsent) {
            return List.of();
        }
    }
}
