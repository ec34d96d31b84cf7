package io.sloc.cli;

import io.sloc.pipeline.FormatSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sloc fmt}: canonical layout for spec files, comments kept; {@code --check} for CI. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Format SLO spec files canonically (comments are kept); prints each file it rewrites.",
                "Exit codes: 0 ok, 1 --check found files to format, 2 bad input (one located message)."})
public final class FmtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC_DIR_OR_FILE", arity = "1..*",
            description = "Spec files, or directories searched recursively for *.slo files.")
    List<Path> inputs;

    @Option(names = "--check", description = "Write nothing; list the files that are not formatted and exit 1 "
            + "if there are any.")
    boolean check;

    @Override
    public Integer call() {
        List<Path> changed = FormatSpecs.run(inputs, !check);
        PrintWriter out = spec.commandLine().getOut();
        changed.forEach(out::println);
        out.flush();
        if (check && !changed.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(changed.size() + " file(s) not formatted: run `sloc fmt` on them");
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
