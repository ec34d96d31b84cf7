package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.SpecText;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.format.SpecComments;
import io.sloc.dsl.format.SpecPrinter;
import io.sloc.dsl.interop.InteropSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sloc import}: Sloth, OpenSLO and Pyrra files rewritten as {@code .slo} specs in canonical format, one per
 * input ({@code DIR/<name>.slo}), which compile to the same output as the originals. Each starts with a comment
 * naming its origin; display names and descriptions that have no field in the DSL become comments on their SLO.
 * Every input is read and printed before the first file is written, so bad input writes nothing.
 */
public final class ImportSpecs {
    private ImportSpecs() {
    }

    /** The files written, in argument order. */
    public static List<Path> run(List<Path> inputs, Path outputDir) {
        Map<Path, String> specs = new LinkedHashMap<>();
        for (Path input : inputs) {
            Path target = outputDir.resolve(baseName(input) + SpecLoader.EXTENSION);
            if (specs.containsKey(target)) {
                throw new BadInputException(new SourceLocation(input.toString(), 0, 0), "another input is also "
                        + "imported as " + target + "; import them into different directories");
            }
            specs.put(target, print(input));
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw FileFailure.of(outputDir, "create the directory", e);
        }
        specs.forEach(FormatSpecs::replace);
        return List.copyOf(specs.keySet());
    }

    private static String print(Path input) {
        String text;
        try {
            text = SpecText.decode(Files.readAllBytes(input), input.toString());
        } catch (IOException e) {
            throw FileFailure.of(input, "read it", e);
        }
        InteropSpecs.Imported imported = InteropSpecs.read(text, input.toString());
        SpecComments.Builder comments = SpecComments.builder();
        List<ServiceNode> services = imported.spec().services();
        if (!services.isEmpty()) {
            comments.before(services.get(0).location(), "Imported by `sloc import` from " + input.getFileName()
                    + "; edit this file, not the original.");
        }
        imported.notes().forEach((statement, notes) -> notes.forEach(note -> comments.before(statement, note)));
        return SpecPrinter.print(imported.spec(), comments.build());
    }

    private static String baseName(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
