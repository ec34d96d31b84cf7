package io.sloc.cli;

import io.sloc.pipeline.ImportSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sloc import}: Sloth, OpenSLO and Pyrra files rewritten as .slo specs. */
final class ImportCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "import",
            "Rewrite Sloth, OpenSLO and Pyrra YAML files as .slo specs (DIR/<name>.slo, one per file, replacing a "
                    + "file of that name) that compile to the same rules; prints each file it writes.",
            "Exit codes: 0 ok, 2 bad input (one located message; nothing is written).");

    private final PositionalParamSpec inputs = model.positional(PositionalParamSpec.builder().paramLabel("FILE")
            .arity("1..*").required(true).type(List.class).auxiliaryTypes(Path.class)
            .description("Sloth, OpenSLO or Pyrra YAML files."));

    private final OptionSpec output = model.option(OptionSpec.builder("-o", "--output").required(true)
            .paramLabel("DIR").type(Path.class)
            .description("The directory to write the .slo files to (created if missing)."));

    ImportCommand() {
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    @Override
    public Integer call() {
        PrintWriter out = model.spec().commandLine().getOut();
        ImportSpecs.run(CommandModel.values(inputs), output.getValue()).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
