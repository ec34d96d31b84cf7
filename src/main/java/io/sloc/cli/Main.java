package io.sloc.cli;

import io.sloc.diag.BadInputException;
import io.sloc.diag.DidYouMean;
import io.sloc.diag.FileFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code sloc} command line: one exception-to-exit-code mapping for every subcommand. */
public final class Main implements Runnable {
    /** Inherited by every subcommand. */
    static final String DEBUG = "--debug";

    static {
        // Otherwise picocli looks for Groovy's Closure class when it starts, opening every jar on the class path to
        // miss it (the classes themselves come from the start-up cache, without opening any).
        System.setProperty("picocli.disable.closures", "true");
    }

    private final CommandModel model = new CommandModel(this, "sloc",
            "SLO rules compiler and validator for Prometheus.");

    private Main() {
        model.option(OptionSpec.builder(DEBUG).type(boolean.class).scopeType(CommandLine.ScopeType.INHERIT)
                .description("On an internal error, print the stack trace (for a bug report); under test, also "
                        + "promtool's test debugging output (DEBUG lines and a dump of the data)."));
        model.withStandardHelpOptions();
        model.spec().versionProvider(new Version());
    }

    public static void main(String[] args) {
        int exit = run(args);
        // Success returns instead: System.exit also logs the exit (JDK 21 and later), and starting the platform
        // logger for that costs a few milliseconds of every run.
        if (exit != ExitCodes.OK) {
            System.exit(exit);
        }
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return newCommandLine(args.length == 0 ? "" : args[0]).execute(args);
    }

    /** The command line with every subcommand. */
    public static CommandLine newCommandLine() {
        return newCommandLine("");
    }

    /**
     * When the first argument names a subcommand, only that one is built (help, usage errors and the rest see them
     * all): start-up time.
     */
    private static CommandLine newCommandLine(String firstArgument) {
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("compile", () -> new CompileCommand().spec());
        subcommands.put("test", () -> new TestCommand().spec());
        subcommands.put("check", () -> new CheckCommand().spec());
        subcommands.put("fmt", () -> new FmtCommand().spec());
        subcommands.put("import", () -> new ImportCommand().spec());
        subcommands.put("report", () -> new ReportCommand().spec());
        CommandLine cli = new CommandLine(new Main().model.spec());
        if (subcommands.containsKey(firstArgument)) {
            cli.addSubcommand(firstArgument, subcommands.get(firstArgument).get());
        } else {
            subcommands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionExceptionHandler(Main::handleExecutionException);
        cli.setParameterExceptionHandler(Main::handleParameterException);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(model.spec().commandLine(), "Missing required subcommand");
    }

    private static int exitCodeOf(Throwable t) {
        return t instanceof BadInputException || t instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }

    /**
     * Bad input and I/O failures become one message and exit code 2; anything else is a bug in sloc: one line
     * asking for a report and exit code 70, the stack trace only with {@code --debug}.
     */
    private static int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        try {
            if (ex instanceof BadInputException bad) {
                err.println(bad.render(commandName(parsed)));
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                IOException io = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
                err.println(FileFailure.of(io).render(commandName(parsed)));
                return ExitCodes.BAD_INPUT;
            }
            err.println("error: internal error in sloc" + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                    + " (please report it, with the input that caused it; --debug prints the stack trace)");
            if (debugRequested(parsed)) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            err.flush();
        }
    }

    /** The subcommand that ran, named in its findings' {@code [check]}. */
    private static String commandName(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p.commandSpec().name();
    }

    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println("error: " + (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty() ? unknown(cli, unmatched.getUnmatched().get(0))
                : ex.getMessage()));
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        cli.getErr().flush();
        return cli.getExitCodeExceptionMapper().getExitCode(ex);
    }

    /** An argument picocli could not place: an unknown option, or an unknown command where one is expected. */
    private static String unknown(CommandLine cli, String argument) {
        CommandLine.Model.CommandSpec command = cli.getCommandSpec();
        if (argument.startsWith("-")) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            List<String> options = command.options().stream().flatMap(o -> Stream.of(o.names())).toList();
            return "unknown option '" + name + "'" + DidYouMean.hint(name, options);
        }
        if (!command.subcommands().isEmpty()) {
            return "unknown command '" + argument + "'" + DidYouMean.hint(argument, command.subcommands().keySet());
        }
        return "unexpected argument '" + argument + "'";
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
