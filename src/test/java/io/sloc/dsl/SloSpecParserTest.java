package io.sloc.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.DashboardNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import org.junit.jupiter.api.Test;

/** The parser facade: AST shape, exact locations, comments, strings and PromQL blocks. */
class SloSpecParserTest {
    @Test
    void buildsTheAstWithLocationsOfEveryNode() {
        SpecFile file = SloSpecParser.parse("""
                # a comment
                import "common.slo"
                service shop {   # trailing comment
                  slo checkout {
                    objective 99.9%
                    sli ratio { errors `e_total` total `t_total` }
                  }
                }
                """, "shop.slo");
        assertThat(file.imports()).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo("common.slo");
            assertThat(i.location()).isEqualTo(new SourceLocation("shop.slo", 2, 8));
        });
        SloNode slo = file.services().get(0).slos().get(0);
        assertThat(slo.location()).isEqualTo(new SourceLocation("shop.slo", 4, 3));
        assertThat(slo.name().value()).isEqualTo("checkout");
        assertThat(slo.objective().value()).isEqualTo("99.9%");
        assertThat(slo.objective().location()).isEqualTo(new SourceLocation("shop.slo", 5, 15));
        SliNode.Ratio ratio = (SliNode.Ratio) slo.sli();
        assertThat(ratio.errors().text()).isEqualTo("e_total");
        assertThat(ratio.errors().start()).isEqualTo(new SourceLocation("shop.slo", 6, 25));
    }

    @Test
    void keywordsCanBeUsedAsNames() {
        SpecFile file = SloSpecParser.parse("service latency { slo availability { objective 99% "
                + "sli availability `up` alerting none } }", "k.slo");
        assertThat(file.services().get(0).name().value()).isEqualTo("latency");
        assertThat(file.services().get(0).slos().get(0).name().value()).isEqualTo("availability");
        assertThat(file.services().get(0).slos().get(0).alertingPolicyName().value()).isEqualTo("none");
    }

    @Test
    void stringsUnescapeAndPromqlBlocksKeepTheirText() {
        SpecFile file = SloSpecParser.parse("runbook r { step \"say \\\"hi\\\"\\n\\tthen \\\\ go\" }\n"
                + "service s { alert A { expr `\n  up{job=\"a\"}\n    == 0\n` severity page slo x } }", "s.slo");
        assertThat(file.runbooks().get(0).steps()).extracting(Located::value).containsExactly("say \"hi\"\n\tthen \\ go");
        var expr = file.services().get(0).alerts().get(0).expr();
        assertThat(expr.text()).isEqualTo("\n  up{job=\"a\"}\n    == 0\n");
        assertThat(expr.start()).isEqualTo(new SourceLocation("s.slo", 2, 29));
    }

    @Test
    void parsesPoliciesWindowsAndDashboards() {
        SpecFile file = SloSpecParser.parse("""
                policy p {
                  window { budget 2% factor 14.4 long 1h short 5m severity page for 2m keep_firing_for 5m }
                  min_traffic 0.5
                }
                service s {
                  dashboard {
                    title "S"
                    row "Traffic" {
                      panel state-timeline "State" {
                        query `up` legend "{{instance}}"
                        min -1 max 2 width 12 unit "short"
                        thresholds { base green 1 "#ff0000" }
                      }
                    }
                  }
                }
                """, "p.slo");
        var window = file.policies().get(0).windows().get(0);
        assertThat(window.factor().value()).isEqualTo("14.4");
        assertThat(window.keepFiringFor().value()).isEqualTo("5m");
        assertThat(file.policies().get(0).minTraffic().value()).isEqualTo("0.5");
        DashboardNode.Panel panel = file.services().get(0).dashboard().rows().get(0).panels().get(0);
        assertThat(panel.type().value()).isEqualTo("state-timeline");
        assertThat(panel.min().value()).isEqualTo("-1");
        assertThat(panel.queries().get(0).legend()).isEqualTo("{{instance}}");
        assertThat(panel.thresholds().baseColour()).isEqualTo("green");
        assertThat(panel.thresholds().steps().get(0).colour()).isEqualTo("#ff0000");
    }

    @Test
    void syntaxErrorsNameWhatWasExpectedInSreTerms() {
        assertThatThrownBy(() -> SloSpecParser.parse("service s { slo x { window soon } }", "e.slo"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("unexpected 'soon'; expected a duration such as 5m")
                .extracting(e -> ((BadInputException) e).location())
                .isEqualTo(new SourceLocation("e.slo", 1, 28));
        assertThatThrownBy(() -> SloSpecParser.parse("service s { slo x { objective 99.9 } }", "e.slo"))
                .hasMessage("unexpected '99.9'; expected a percentage such as 99.9%");
    }

    @Test
    void aMisspeltKeywordGetsTheNearestOneTheGrammarExpects() {
        assertThatThrownBy(() -> SloSpecParser.parse("service s {\n  slo x {\n    objectve 99.9%\n  }\n}\n", "e.slo"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation("e.slo", 3, 5));
                    assertThat(e.getMessage()).startsWith("unexpected 'objectve'; expected one of: ")
                            .endsWith("; did you mean 'objective'?");
                });
        assertThatThrownBy(() -> SloSpecParser.parse("service s { slo x { banana 1 } }", "e.slo"))
                .hasMessageNotContaining("did you mean");
    }
}
