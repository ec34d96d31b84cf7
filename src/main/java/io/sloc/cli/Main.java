package io.sloc.cli;

import io.sloc.diag.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sloc} command line: one exception-to-exit-code mapping for every subcommand. */
@Command(name = "sloc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "SLO rules compiler and validator for Prometheus.",
        subcommands = {CompileCommand.class, TestCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        if (isPlainTestCommand(args)) {
            return runPlainTest(List.of(args).subList(1, args.length));
        }
        return newCommandLine().execute(args);
    }

    /**
     * {@code sloc test FILE...} with no options or @-files: the common case in CI and benchmarks, run without
     * building picocli's command model, which costs a third of a small test file's wall time (picocli's classes are
     * too old for class-data sharing).
     */
    private static boolean isPlainTestCommand(String[] args) {
        if (args.length < 2 || !args[0].equals("test")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-") || args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    private static int runPlainTest(List<String> files) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return TestCommand.execute(files, null, null, null, out, err);
        } catch (RuntimeException ex) {
            return reportFailure(ex, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionExceptionHandler(Main::handleExecutionException);
        cli.setParameterExceptionHandler(Main::handleParameterException);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    private static int exitCodeOf(Throwable t) {
        return t instanceof BadInputException || t instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
    }

    private static int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        return reportFailure(ex, cli.getErr());
    }

    /** Bad input and I/O failures become a message and exit code 2; anything else is a bug and propagates. */
    private static int reportFailure(Exception ex, PrintWriter err) {
        if (ex instanceof BadInputException bad) {
            err.println("error: " + bad.render());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            err.println("error: " + io.getClass().getSimpleName() + ": " + io.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        throw ex instanceof RuntimeException r ? r : new IllegalStateException(ex);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println("error: " + ex.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        cli.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Version from the build (a filtered resource), so it always matches the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties props = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"sloc " + props.getProperty("version", "unknown")};
        }
    }
}
