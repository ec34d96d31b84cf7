package io.sloc.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification integrations a receiver can use, with the settings Alertmanager 0.25 reads for each. Secrets
 * are read from files only ({@code *_file}): Alertmanager expands no environment variables, and an inline secret
 * would be committed with the generated config.
 */
public enum IntegrationKind {
    WEBHOOK("webhook", Map.of("url", Setting.URL, "max_alerts", Setting.COUNT), List.of("url"), Map.of()),
    EMAIL("email", Map.of("to", Setting.TEXT, "from", Setting.TEXT, "smarthost", Setting.TEXT,
            "hello", Setting.TEXT, "auth_username", Setting.TEXT, "auth_identity", Setting.TEXT,
            "auth_password_file", Setting.FILE, "require_tls", Setting.BOOLEAN, "text", Setting.TEXT), List.of("to"),
            Map.of("auth_password", "auth_password_file", "auth_secret", "auth_password_file")),
    SLACK("slack", Map.of("api_url_file", Setting.FILE, "channel", Setting.TEXT, "username", Setting.TEXT,
            "title", Setting.TEXT, "text", Setting.TEXT), List.of("api_url_file"),
            Map.of("api_url", "api_url_file")),
    /**
     * Alertmanager 0.25 reads a Discord webhook URL only inline, so Discord is notified through its Slack-compatible
     * endpoint (the webhook URL + {@code /slack}) read from a file.
     */
    DISCORD("discord", Map.of("webhook_url_file", Setting.FILE, "title", Setting.TEXT, "text", Setting.TEXT),
            List.of("webhook_url_file"), Map.of("webhook_url", "webhook_url_file")),
    PAGERDUTY("pagerduty", Map.of("routing_key_file", Setting.FILE, "url", Setting.URL, "severity", Setting.TEXT,
            "description", Setting.TEXT, "client", Setting.TEXT, "client_url", Setting.TEXT),
            List.of("routing_key_file"), Map.of("routing_key", "routing_key_file", "service_key", "routing_key_file"));

    /** Every kind also takes {@code send_resolved}. */
    public static final String SEND_RESOLVED = "send_resolved";

    /** How a setting's value is written and checked. */
    public enum Setting { TEXT, URL, FILE, BOOLEAN, COUNT }

    private final String specName;
    private final Map<String, Setting> settings;
    private final List<String> required;
    private final Map<String, String> inlineSecrets;

    IntegrationKind(String specName, Map<String, Setting> settings, List<String> required,
                    Map<String, String> inlineSecrets) {
        this.specName = specName;
        this.settings = settings;
        this.required = required;
        this.inlineSecrets = inlineSecrets;
    }

    public String specName() {
        return specName;
    }

    /** The setting's type, or empty when this kind has no such setting. */
    public Optional<Setting> setting(String name) {
        return name.equals(SEND_RESOLVED) ? Optional.of(Setting.BOOLEAN) : Optional.ofNullable(settings.get(name));
    }

    public List<String> settingNames() {
        return settings.keySet().stream().sorted().toList();
    }

    public List<String> required() {
        return required;
    }

    /** For a setting that would hold a secret inline, the file setting to use instead. */
    public Optional<String> fileInsteadOf(String name) {
        return Optional.ofNullable(inlineSecrets.get(name));
    }

    public static Optional<IntegrationKind> forSpecName(String name) {
        return Arrays.stream(values()).filter(k -> k.specName.equals(name)).findFirst();
    }
}
