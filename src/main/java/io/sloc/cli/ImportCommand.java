package io.sloc.cli;

import io.sloc.pipeline.ImportSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sloc import}: Sloth, OpenSLO and Pyrra files rewritten as .slo specs. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Rewrite Sloth, OpenSLO and Pyrra YAML files as .slo specs (DIR/<name>.slo, one per file, "
                + "replacing a file of that name) that compile to the same rules; prints each file it writes.",
                "Exit codes: 0 ok, 2 bad input (one located message; nothing is written)."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Sloth, OpenSLO or Pyrra YAML files.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "The directory to write the .slo files to (created if missing).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportSpecs.run(inputs, output).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
