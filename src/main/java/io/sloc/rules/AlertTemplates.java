package io.sloc.rules;

import io.sloc.template.AlertTemplateExpander;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The template syntax check of rulefmt: alert labels and annotations must parse as Go templates. */
final class AlertTemplates {
    private static final AlertTemplateExpander EXPANDER = new AlertTemplateExpander();

    private AlertTemplates() {
    }

    /**
     * The Go parse error of a label or annotation template, e.g. {@code template: __alert_A:1: unclosed action}.
     * The expander reports parse failures in its result text; execution problems (no data here) are not syntax.
     */
    static Optional<String> syntaxError(String alertName, String text) {
        String prefix = "<error expanding template: error parsing template __alert_" + alertName + ": ";
        String rendered = EXPANDER.expand(alertName, text, Map.of(), Map.of(), "", 0, 0, (q, t) -> List.of());
        if (rendered.startsWith(prefix) && rendered.endsWith(">")) {
            return Optional.of(rendered.substring(prefix.length(), rendered.length() - 1));
        }
        return Optional.empty();
    }
}
