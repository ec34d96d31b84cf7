package io.sloc.model;

import java.util.List;
import java.util.Optional;

/**
 * A runbook: emitted as Markdown at {@link #path()} in the output tree and linked from alerts by {@link #url()}.
 *
 * @param url where the Markdown is published: the runbook base URL + {@code /<name>.md}, or the path relative
 *            to the rule files when no base URL is configured
 */
public record Runbook(String name, String title, Optional<String> description, List<String> steps, String url) {
    public Runbook {
        steps = List.copyOf(steps);
    }

    /** The runbook's path in the output tree. */
    public String path() {
        return "runbooks/" + name + ".md";
    }
}
