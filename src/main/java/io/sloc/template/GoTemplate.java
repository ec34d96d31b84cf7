package io.sloc.template;

import io.sloc.template.Node.ListNode;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Go text/template (option {@code missingkey=zero}). Parsing checks that every called function exists, as
 * Go does; a parsed template is immutable and can be executed many times with different data and function bindings.
 */
public final class GoTemplate {
    private final String name;
    private final String text;
    private final Map<String, ListNode> definitions;

    private GoTemplate(String name, String text, Map<String, ListNode> definitions) {
        this.name = name;
        this.text = text;
        this.definitions = Map.copyOf(definitions);
    }

    /**
     * Parses {@code text} as template {@code name}.
     *
     * @throws TemplateException with Go's message, e.g. {@code template: NAME:1: function "foo" not defined}
     */
    public static GoTemplate parse(String name, String text, Set<String> functionNames) {
        try {
            return new GoTemplate(name, text, Parser.parse(name, text, functionNames));
        } catch (StackOverflowError e) {
            // Go's growable stacks parse any nesting; ours is bounded, so refuse instead of crashing
            throw new TemplateException("template: " + name + ": nesting too deep to parse");
        }
    }

    /**
     * Executes the template on {@code data} (see {@link io.sloc.golang.fmt.GoValue} for how Java values stand for Go
     * values).
     *
     * @throws TemplateException with Go's message, e.g.
     *     {@code template: NAME:1:10: executing "NAME" at <.Foo>: can't evaluate field Foo in type float64}
     */
    public String execute(Object data, Map<String, GoFunction> functions) {
        return Executor.execute(name, text, definitions, functions, data);
    }
}
