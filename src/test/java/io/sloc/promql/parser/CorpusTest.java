package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.ast.Ast;
import io.sloc.promql.ast.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole shared Prometheus 2.42 corpus parses, and prints back to text that parses to the same AST. */
class CorpusTest {
    @Test
    void everyEvalExpressionParsesAndRoundTrips() {
        List<String> exprs = Corpus.evalExpressions();
        // promtool-2.42-spec.md §4 counts 566 eval lines in the full corpus; ../shared holds a subset of files.
        assertThat(exprs).hasSizeGreaterThan(400);
        for (String text : exprs) {
            Expr parsed = PromqlParser.parse(text);
            String printed = PromqlPrinter.print(parsed);
            Expr reparsed = PromqlParser.parse(printed);
            assertThat(Ast.withoutPositions(reparsed)).as("%s printed as %s", text, printed)
                    .isEqualTo(Ast.withoutPositions(parsed));
            // Printing is a fixed point after one round.
            assertThat(PromqlPrinter.print(reparsed)).isEqualTo(printed);
        }
    }

    @Test
    void everySeriesLineParses() {
        List<String> lines = Corpus.seriesLines();
        assertThat(lines).hasSizeGreaterThan(300);
        for (String line : lines) {
            SeriesDescriptions.SeriesDescription series = SeriesDescriptions.parseSeriesLine(line);
            assertThat(series.size()).as(line).isPositive();
        }
    }
}
