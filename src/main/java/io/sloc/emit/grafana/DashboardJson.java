package io.sloc.emit.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sloc.model.PanelType;
import java.nio.charset.StandardCharsets;

/**
 * Writes the Grafana model deterministically: keys in alphabetical order (records and maps alike), null fields left
 * out, decimals in plain notation, two-space indentation in Grafana's own {@code "key": value} style, and a trailing
 * newline. The same inputs give the same bytes on every machine.
 */
public final class DashboardJson {
    private static final ObjectWriter JSON = configure(JsonMapper.builder()).writer(prettyPrinter());
    private static final ObjectWriter YAML = configure(YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)).writer();

    private DashboardJson() {
    }

    public static byte[] json(Object value) {
        return (write(JSON, value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** YAML for Grafana's provisioning files; Jackson's YAML writer already ends with a newline. */
    public static byte[] yaml(Object value) {
        return write(YAML, value).getBytes(StandardCharsets.UTF_8);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // The model is ours and always serializable: a failure here is a bug, not bad input.
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder) {
        return builder
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(PanelType.class, PanelTypeAsPluginId.class)
                .build();
    }

    /** The SLO model's panel type is written as Grafana's plugin id ({@code state-timeline}), not its enum name. */
    private abstract static class PanelTypeAsPluginId {
        @JsonValue
        abstract String grafanaId();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
