package io.sloc.emit.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.GeneratedYaml;
import java.util.Collection;

/**
 * YAML of the stack's configuration files: keys in insertion order, strings quoted only when YAML needs it (numbers
 * as strings always), no line splitting, and the generated-file header.
 */
final class StackYaml {
    private StackYaml() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code field: [values...]}. */
    static ArrayNode strings(ObjectNode parent, String field, Collection<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
        return array;
    }

    static String write(ObjectNode root) {
        return GeneratedYaml.write(root);
    }
}
