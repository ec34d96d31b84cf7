package io.sloc.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's picocli model, built in code. Read from annotations, it cost a third of a small {@code sloc test} run:
 * reflection, a proxy class per annotation type and method handles per field, all generated at every start.
 * Commands keep the {@link OptionSpec}s they add and read their parsed values from them.
 */
final class CommandModel {
    private final CommandSpec spec;

    /** A command that picocli runs by calling {@code command} (a {@code Callable} or {@code Runnable}). */
    CommandModel(Object command, String name, String... description) {
        spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
    }

    CommandSpec spec() {
        return spec;
    }

    OptionSpec option(OptionSpec.Builder option) {
        OptionSpec built = option.build();
        spec.addOption(built);
        return built;
    }

    PositionalParamSpec positional(PositionalParamSpec.Builder positional) {
        PositionalParamSpec built = positional.build();
        spec.addPositional(built);
        return built;
    }

    /** The spec files and directories most commands take (compile, fmt, report). */
    PositionalParamSpec specInputs() {
        return positional(PositionalParamSpec.builder().paramLabel("SPEC_DIR_OR_FILE").arity("1..*").required(true)
                .type(List.class).auxiliaryTypes(Path.class)
                .description("Spec files, or directories searched recursively for *.slo files."));
    }

    /** {@code -o DIR}, a directory sloc owns (compile, report). */
    OptionSpec ownedOutputDirectory() {
        return option(OptionSpec.builder("-o", "--output").required(true).paramLabel("DIR").type(Path.class)
                .description("Output directory (owned by sloc: files it no longer produces are deleted)."));
    }

    /** Whether a flag (an option without a parameter) was given. */
    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** The values of a repeatable option or positional parameter; none when not given. */
    static <T> List<T> values(ArgSpec argument) {
        List<T> values = argument.getValue();
        return values == null ? List.of() : values;
    }

    /**
     * {@code -h} and {@code -V}, added after the command's own options as picocli's standard-help mixin adds them
     * (so they come in that place in the help of a command that does not sort its options): commands call it last.
     */
    void withStandardHelpOptions() {
        option(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit."));
        option(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit."));
    }
}
