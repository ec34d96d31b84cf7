package io.sloc.dsl.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.dsl.SloSpecParser;
import io.sloc.dsl.antlr.SloSpecLexer;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecFormatterTest {
    private static String format(String text) {
        return SpecFormatter.format(text, "t.slo");
    }

    /** Every spec of the repository and its test catalogue that parses. */
    static Stream<Path> specs() throws IOException {
        try (Stream<Path> walk = Files.walk(Shared.projectDir().resolve("src"))) {
            List<Path> inSrc = walk.filter(p -> p.toString().endsWith(".slo")).sorted().toList();
            try (Stream<Path> hatago = Files.walk(Shared.projectDir().resolve("slo-specs"))) {
                return Stream.concat(hatago.filter(p -> p.toString().endsWith(".slo")).sorted(), inSrc.stream())
                        .filter(SpecFormatterTest::parses).toList().stream();
            }
        }
    }

    private static boolean parses(Path spec) {
        try {
            SloSpecParser.parse(read(spec), spec.toString());
            return true;
        } catch (BadInputException | IOException e) {
            return false;
        }
    }

    private static String read(Path spec) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(spec))).toString();
    }

    /** Idempotent, the same AST (compared through the comment-free print) and every comment kept. */
    @ParameterizedTest
    @MethodSource("specs")
    void formattingIsIdempotentAndKeepsMeaningAndComments(Path spec) throws IOException {
        String text = read(spec);
        String once = SpecFormatter.format(text, spec.toString());
        assertThat(SpecFormatter.format(once, spec.toString())).isEqualTo(once);
        assertThat(SpecPrinter.print(SloSpecParser.parse(once, "x"))).isEqualTo(
                SpecPrinter.print(SloSpecParser.parse(text, "x")));
        assertThat(comments(once)).isEqualTo(comments(text));
    }

    private static List<String> comments(String text) {
        SloSpecLexer lexer = new SloSpecLexer(CharStreams.fromString(text));
        return lexer.getAllTokens().stream().filter(t -> t.getType() == SloSpecLexer.COMMENT)
                .map(t -> t.getText().stripTrailing()).sorted().toList();
    }

    @Test
    void theHatagoSpecsAreCanonical() throws IOException {
        try (Stream<Path> walk = Files.walk(Shared.projectDir().resolve("slo-specs"))) {
            for (Path spec : walk.filter(p -> p.toString().endsWith(".slo")).toList()) {
                assertThat(SpecFormatter.format(read(spec), spec.toString())).as(spec.toString())
                        .isEqualTo(read(spec));
            }
        }
    }

    @Test
    void layoutIsCanonical() {
        assertThat(format("service  api{slo a{sli ratio{total `t` errors `e`} objective 99%\n"
                + "labels{tier:\"1\",team:\"x\"} description \"say \\\"hi\\\"\"}}"))
                .isEqualTo("""
                        service api {
                          slo a {
                            description "say \\"hi\\""
                            objective 99%
                            sli ratio {
                              errors `e`
                              total  `t`
                            }
                            labels {
                              tier: "1"
                              team: "x"
                            }
                          }
                        }
                        """);
    }

    @Test
    void oneLineWindowsAreAlignedAsATable() {
        assertThat(format("policy p { window { budget 2% long 1h short 5m severity page for 2m }"
                + " window { budget 10% long 1d short 2h severity ticket } }"))
                .isEqualTo("""
                        policy p {
                          window { budget 2%  long 1h short 5m severity page   for 2m }
                          window { budget 10% long 1d short 2h severity ticket }
                        }
                        """);
    }

    @Test
    void commentsStayWithTheirStatements() {
        String text = """
                # header

                # about the service
                service api { # trailing the opening
                  slo a {
                    objective 99% # the target
                    # before the sli
                    sli availability `up`
                    # closing the slo
                  }
                  # closing the service
                }
                # end of file
                """;
        assertThat(format(text)).isEqualTo(text);
    }

    @Test
    void commentsFollowTheirStatementWhenFieldsAreReordered() {
        assertThat(format("""
                service api {
                  slo a {
                    # why this SLI
                    sli availability `up`
                    objective 99% # agreed in 2026
                  }
                }
                """)).isEqualTo("""
                service api {
                  slo a {
                    objective 99% # agreed in 2026
                    # why this SLI
                    sli availability `up`
                  }
                }
                """);
    }

    @Test
    void aCommentInsideAOneLineWindowSplitsIt() {
        String text = """
                policy p {
                  window {
                    budget 2%
                    # fast pair
                    long 1h
                    short 5m
                    severity page
                  }
                }
                """;
        assertThat(format(text)).isEqualTo(text);
    }

    @Test
    void aCommentInAnEmptyBlockMovesBeforeTheBlock() {
        String formatted = format("service api {\n  dashboard {\n    # rows to come\n  }\n}\n");
        assertThat(formatted).isEqualTo("service api {\n  # rows to come\n  dashboard {\n  }\n}\n");
        assertThat(format(formatted)).isEqualTo(formatted);
    }

    @Test
    void aFileOfCommentsOnlyKeepsThem() {
        assertThat(format("# nothing yet\n\n# really\n")).isEqualTo("# nothing yet\n\n# really\n");
    }

    /** What an importer does: an AST without source text, a description turned into comment lines. */
    @Test
    void printsAnAstWithCommentsAttachedByLocation() {
        SpecFile file = SloSpecParser.parse("service api { slo a { objective 99% sli availability `up` } }", "x");
        SloNode slo = file.services().get(0).slos().get(0);
        SpecComments comments = SpecComments.builder().before(slo.location(), "Imported from Sloth.\nSecond line")
                .endOfLine(slo.objective().location(), "was 0.99").build();
        assertThat(SpecPrinter.print(file, comments)).isEqualTo("""
                service api {
                  # Imported from Sloth.
                  # Second line
                  slo a {
                    objective 99% # was 0.99
                    sli availability `up`
                  }
                }
                """);
        assertThat(comments.unprinted()).isEmpty();
    }

    @Test
    void aNameTheLanguageCannotSpellIsRefused() {
        SpecFile file = SloSpecParser.parse("service api { }", "x");
        SpecFile renamed = new SpecFile("x", List.of(), List.of(new ServiceNode(new Located<>("my api", file.services().get(0).location()), List.of(), null,
                List.of(), List.of(), List.of(), null, file.services().get(0).location())), List.of(), List.of(), List.of(),
                List.of());
        assertThatThrownBy(() -> SpecPrinter.print(renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'my api' is not a valid name");
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLocation() {
        assertThatThrownBy(() -> format("service api {\n  slo a {\n")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unexpected end of file");
    }
}
