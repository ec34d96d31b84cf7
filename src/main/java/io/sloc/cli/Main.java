package io.sloc.cli;

import io.sloc.diag.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sloc} command line: one exception-to-exit-code mapping for every subcommand. */
@Command(name = "sloc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "SLO rules compiler and validator for Prometheus.",
        subcommands = {CommandLine.HelpCommand.class, CompileCommand.class, TestCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
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
        if (ex instanceof BadInputException bad) {
            cli.getErr().println("error: " + bad.render());
            cli.getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            cli.getErr().println("error: " + io.getClass().getSimpleName() + ": " + io.getMessage());
            cli.getErr().flush();
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
