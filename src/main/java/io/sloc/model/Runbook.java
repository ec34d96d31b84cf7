package io.sloc.model;

import java.util.List;
import java.util.Optional;

/**
 * A runbook: emitted as Markdown at {@link #path()} in the output tree. Alerts link to it through their
 * {@code runbook_url} annotation: the runbook base URL + {@code /<name>.md} ({@code ../runbooks/<name>.md},
 * relative to the rule files, when no base URL is configured).
 */
public record Runbook(String name, String title, Optional<String> description, List<String> steps) {
    public Runbook {
        steps = List.copyOf(steps);
    }

    /** The runbook's path in the output tree. */
    public String path() {
        return "runbooks/" + name + ".md";
    }
}
