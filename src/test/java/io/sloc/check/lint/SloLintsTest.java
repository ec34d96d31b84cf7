package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.dsl.SloSpecParser;
import io.sloc.model.Spec;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloLintsTest {
    private static Spec compile(String sloItems) {
        String text = "service shop {\n  slo orders {\n" + sloItems + "\n  }\n}\n";
        return CompileSpecs.inMemory(List.of(SloSpecParser.parse(text, "shop.slo")), CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT).spec();
    }

    private static List<Diagnostic> lint(Lint lint, Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        lint.check(new LintContext(List.of(), List.of(spec), KnownMetrics.NONE, LintContext.RUNBOOK_URL),
                found::add);
        return found;
    }

    private static final String RATIO = "sli ratio { errors `orders_failed_total` total `orders_total` }";

    @Test
    void aWorkbookSloPassesEveryLint() {
        Spec spec = compile("objective 99.9%\n" + RATIO);
        for (Lint lint : List.of(new ObjectiveRangeLint(), new WindowSanityLint(), new BurnFactorLint())) {
            assertThat(lint(lint, spec)).as(lint.id()).isEmpty();
        }
    }

    @Test
    void anObjectiveBelowNinetyPercentLooksLikeAMissingDigit() {
        List<Diagnostic> found = lint(new ObjectiveRangeLint(), compile("objective 9.95%\n" + RATIO));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location().source()).isEqualTo("shop.slo");
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("9.95%").contains("digit");
        });
    }

    @Test
    void anErrorBudgetUnderAMinuteCannotBeMeasured() {
        List<Diagnostic> found = lint(new ObjectiveRangeLint(),
                compile("objective 99.999%\nwindow 1d\nalerting none\n" + RATIO));
        assertThat(found).singleElement().extracting(Diagnostic::message).asString()
                .contains("0.864s of errors in its 1d window");
    }

    @Test
    void rateWindowsUnderAMinuteAndLongForsAreFlagged() {
        Spec spec = compile("objective 99.9%\n" + RATIO + "\nalerting {\n"
                + "  window { budget 2% long 1h short 30s severity page }\n"
                + "  window { budget 5% long 6h short 30m severity page for 7h }\n}");
        List<Diagnostic> found = lint(new WindowSanityLint(), spec);
        assertThat(found).extracting(Diagnostic::message).satisfiesExactly(
                m -> assertThat(m).contains("(1h with 30s)").contains("under 1m"),
                m -> assertThat(m).contains("(6h with 30m)").contains("for: 7h"));
    }

    @Test
    void aBurnFactorBelowOnePagesForAnSloThatIsMet() {
        Spec spec = compile("objective 99.9%\n" + RATIO + "\nalerting {\n"
                + "  window { budget 5% long 3d short 6h severity ticket }\n}");
        assertThat(lint(new BurnFactorLint(), spec)).singleElement().extracting(Diagnostic::message).asString()
                .contains("burn factor of 0.5").contains("5% of the budget in 3d");
    }
}
