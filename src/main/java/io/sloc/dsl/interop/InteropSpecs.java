package io.sloc.dsl.interop;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The entry point for YAML specs of other tools: recognises a file by its top-level {@code apiVersion} or
 * {@code version} and reads it into a {@link SpecFile}, as {@link io.sloc.dsl.SloSpecParser} reads a {@code .slo}
 * file.
 */
public final class InteropSpecs {
    /** A top-level {@code apiVersion:} or {@code version:} line naming one of the supported formats. */
    private static final Pattern RECOGNISED = Pattern.compile("(?m)^(?:apiVersion:\\s*[\"']?(?:sloth\\.slok\\.dev/|"
            + "openslo/|pyrra\\.dev/)|version:\\s*[\"']?prometheus/v1[\"']?\\s*(?:#.*)?$)");

    private InteropSpecs() {
    }

    /** Whether a YAML file is written for Sloth, OpenSLO or Pyrra (other YAML files in a spec directory are not). */
    public static boolean recognises(String text) {
        return RECOGNISED.matcher(text).find();
    }

    /**
     * A file read: its AST, and the descriptive texts of the source that the AST has no field for (OpenSLO's
     * display names and descriptions), by the location of the statement they describe, for {@code sloc import}
     * to keep as comments.
     */
    public record Imported(SpecFile spec, Map<SourceLocation, List<String>> notes) {
        public Imported {
            notes = Map.copyOf(notes);
        }
    }

    /** @throws BadInputException located in the YAML file, at the first field sloc cannot read */
    public static SpecFile parse(String text, String source) {
        return read(text, source).spec();
    }

    /** @throws BadInputException located in the YAML file, at the first field sloc cannot read */
    public static Imported read(String text, String source) {
        List<YamlValue> roots = recognises(text) ? YamlDocument.roots(text, source) : List.of();
        if (roots.isEmpty()) {
            throw new BadInputException(new SourceLocation(source, 1, 1), "not a Sloth, OpenSLO or Pyrra spec: "
                    + "expected a top-level `version: prometheus/v1` or `apiVersion: sloth.slok.dev/v1`, "
                    + "`openslo/v1`, `openslo/v1alpha` or `pyrra.dev/v1alpha1`");
        }
        String format = format(roots.get(0));
        for (YamlValue root : roots) {
            if (!format(root).equals(format)) {
                throw root.error("a file holds one format; this document is " + format(root) + ", the first "
                        + format);
            }
        }
        Map<SourceLocation, List<String>> notes = new LinkedHashMap<>();
        List<Located<String>> warnings = new ArrayList<>();
        List<ServiceNode> services = switch (format) {
            case "sloth.slok.dev/v1" -> roots.stream().map(root -> slothObject(root, warnings)).toList();
            case "prometheus/v1" -> roots.stream().map(root -> SlothReader.prometheusV1(root, warnings)).toList();
            case "pyrra.dev/v1alpha1" -> roots.stream().map(InteropSpecs::pyrraObject).toList();
            case "openslo/v1", "openslo/v1alpha" -> services(OpenSloReader.read(roots,
                    format.equals("openslo/v1alpha"), notes));
            default -> throw versionField(roots.get(0)).error("unknown format '" + format + "'; sloc reads "
                    + "Sloth (prometheus/v1, sloth.slok.dev/v1), OpenSLO (openslo/v1, openslo/v1alpha) and Pyrra "
                    + "(pyrra.dev/v1alpha1)");
        };
        return new Imported(new SpecFile(source, List.of(), services, List.of(), List.of(), List.of(), List.of(),
                warnings), notes);
    }

    private static ServiceNode slothObject(YamlValue root, List<Located<String>> warnings) {
        YamlValue kind = root.required("kind");
        if (!kind.text().equals("PrometheusServiceLevel")) {
            throw kind.error("not supported: Sloth kind '" + kind.text() + "'; sloc reads PrometheusServiceLevel"
                    + (kind.text().equals("AlertWindows") ? " (AlertWindows configure `sloth generate`; Sloth "
                    + "SLOs get Google's 30-day windows, for other windows write a sloc policy)" : ""));
        }
        return SlothReader.kubernetes(root, warnings);
    }

    private static ServiceNode pyrraObject(YamlValue root) {
        YamlValue kind = root.required("kind");
        if (!kind.text().equals("ServiceLevelObjective")) {
            throw kind.error("not supported: Pyrra kind '" + kind.text() + "'; sloc reads ServiceLevelObjective");
        }
        return PyrraReader.serviceLevelObjective(root);
    }

    /** OpenSLO SLOs grouped into services, in the order each service first appears. */
    private static List<ServiceNode> services(List<Map.Entry<Located<String>, SloNode>> slos) {
        Map<String, Located<String>> names = new LinkedHashMap<>();
        Map<String, List<SloNode>> byService = new LinkedHashMap<>();
        for (Map.Entry<Located<String>, SloNode> slo : slos) {
            names.putIfAbsent(slo.getKey().value(), slo.getKey());
            byService.computeIfAbsent(slo.getKey().value(), k -> new ArrayList<>()).add(slo.getValue());
        }
        return names.values().stream().map(name -> new ServiceNode(name, List.of(), null,
                byService.get(name.value()), List.of(), List.of(), null, name.location())).toList();
    }

    private static String format(YamlValue root) {
        return versionField(root).text();
    }

    private static YamlValue versionField(YamlValue root) {
        YamlValue version = root.field("apiVersion");
        return version != null ? version : root.required("version");
    }
}
