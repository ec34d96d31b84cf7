package io.sloc.cli;

import io.sloc.pipeline.FormatSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sloc fmt}: canonical layout for spec files, comments kept; {@code --check} for CI. */
final class FmtCommand implements Callable<Integer> {
    private final CommandModel model = new CommandModel(this, "fmt",
            "Format SLO spec files canonically (comments are kept); prints each file it rewrites.",
            "Exit codes: 0 ok, 1 --check found files to format, 2 bad input (one located message).");

    private final PositionalParamSpec inputs = model.specInputs();

    private final OptionSpec check = model.option(OptionSpec.builder("--check").type(boolean.class)
            .description("Write nothing; list the files that are not formatted and exit 1 if there are any."));

    FmtCommand() {
        model.withStandardHelpOptions();
    }

    CommandSpec spec() {
        return model.spec();
    }

    @Override
    public Integer call() {
        boolean checkOnly = CommandModel.isSet(check);
        List<Path> changed = FormatSpecs.run(CommandModel.values(inputs), !checkOnly);
        PrintWriter out = model.spec().commandLine().getOut();
        changed.forEach(out::println);
        out.flush();
        if (checkOnly && !changed.isEmpty()) {
            PrintWriter err = model.spec().commandLine().getErr();
            err.println(changed.size() + " file(s) not formatted: run `sloc fmt` on them");
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
