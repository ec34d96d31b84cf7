package io.sloc.compiler;

import java.util.Optional;

/**
 * Settings from outside the specs.
 *
 * @param runbookBaseUrl overrides every service's {@code runbook_base_url} (e.g. from {@code --runbook-base-url})
 */
public record CompileOptions(Optional<String> runbookBaseUrl) {
    public static final CompileOptions DEFAULTS = new CompileOptions(Optional.empty());
}
