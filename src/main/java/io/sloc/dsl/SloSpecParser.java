package io.sloc.dsl;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.antlr.SloSpecLexer;
import io.sloc.dsl.ast.SpecFile;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Parses one spec file into its AST; the first syntax error is thrown as a located {@link BadInputException}. */
public final class SloSpecParser {
    private SloSpecParser() {
    }

    public static SpecFile parse(String text, String sourceName) {
        SloSpecLexer lexer = new SloSpecLexer(CharStreams.fromString(text, sourceName));
        lexer.removeErrorListeners(); // the UNEXPECTED token rule means the lexer itself never fails
        io.sloc.dsl.antlr.SloSpecParser parser = new io.sloc.dsl.antlr.SloSpecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new FailFastErrorStrategy(sourceName));
        // The grammar is LL(1) apart from labelled alternatives, so SLL never misreports here.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return new SpecAstBuilder(sourceName).specFile(parser.specFile());
        } catch (StackOverflowError e) {
            throw new BadInputException(new SourceLocation(sourceName, 1, 1), "spec is nested too deeply to parse");
        }
    }
}
