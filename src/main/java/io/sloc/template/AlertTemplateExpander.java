package io.sloc.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands alert label and annotation templates exactly as Prometheus 2.42's rules/alerting.go does: the text is
 * prefixed with the {@code $labels $externalLabels $externalURL $value} definitions, parsed as template
 * {@code __alert_<alertname>} with Prometheus's functions, and any failure is rendered as
 * {@code <error expanding template: ...>} instead of failing the evaluation. Parsed templates are cached by text.
 */
public final class AlertTemplateExpander {
    static final String DEFINITIONS = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
            + "{{$externalURL := .ExternalURL}}{{$value := .Value}}";
    private static final int MAX_CACHED = 10_000;
    private static final Set<String> FUNCTION_NAMES =
            PrometheusFunctions.functions((q, t) -> java.util.List.of(), 0, "").keySet();

    /** A parsed template or the parse error it gave. */
    private record Parsed(GoTemplate template, TemplateException error) {
    }

    private final Map<String, Parsed> cache = new ConcurrentHashMap<>();
    private final String serverExternalUrl;

    /**
     * Expands like promtool: its rule manager has no external URL, so the {@code externalURL} and
     * {@code pathPrefix} functions fail with a nil-pointer error (the {@code $externalURL} variable still works).
     */
    public AlertTemplateExpander() {
        this(null);
    }

    /** Expands like a Prometheus server started with {@code --web.external-url=serverExternalUrl}. */
    public AlertTemplateExpander(String serverExternalUrl) {
        this.serverExternalUrl = serverExternalUrl;
    }

    /**
     * Renders {@code text} for one alert.
     *
     * @param alertName      the alerting rule's name; the template is called {@code __alert_<alertName>}
     * @param text           the label or annotation value from the rule file
     * @param labels         the labels of the result sample ({@code __name__} included if the expression kept it)
     * @param externalLabels the test group's external labels
     * @param externalUrl    the test group's external URL (as given), {@code $externalURL}
     * @param value          the sample value, {@code $value}
     * @param evalTimeMs     the evaluation time, passed to {@code query}
     * @param query          runs {@code query "..."} calls
     * @return the rendered text, or {@code <error expanding template: ...>} with Go's error message
     */
    public String expand(String alertName, String text, Map<String, String> labels,
                         Map<String, String> externalLabels, String externalUrl, double value, long evalTimeMs,
                         QueryFunction query) {
        String name = "__alert_" + alertName;
        Parsed parsed = parse(name, DEFINITIONS + text);
        if (parsed.error() != null) {
            return "<error expanding template: error parsing template " + name + ": "
                    + parsed.error().getMessage() + ">";
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Labels", new TreeMap<>(labels));
        fields.put("ExternalLabels", new TreeMap<>(externalLabels));
        fields.put("ExternalURL", externalUrl);
        fields.put("Value", value);
        try {
            return parsed.template().execute(new GoStruct(fields),
                    PrometheusFunctions.functions(query, evalTimeMs, serverExternalUrl));
        } catch (TemplateException e) {
            return "<error expanding template: error executing template " + name + ": " + e.getMessage() + ">";
        }
    }

    /**
     * The parse error Prometheus reports when loading a rule file with this label or annotation template (rule files
     * with template syntax errors fail to load), e.g. {@code template: __alert_X:1: function "foo" not defined};
     * empty when the template parses.
     */
    public Optional<String> parseError(String alertName, String text) {
        Parsed parsed = parse("__alert_" + alertName, DEFINITIONS + text);
        return parsed.error() == null ? Optional.empty() : Optional.of(parsed.error().getMessage());
    }

    private Parsed parse(String name, String fullText) {
        String key = name + '\u0000' + fullText;
        Parsed parsed = cache.get(key);
        if (parsed == null) {
            try {
                parsed = new Parsed(GoTemplate.parse(name, fullText, FUNCTION_NAMES), null);
            } catch (TemplateException e) {
                parsed = new Parsed(null, e);
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, parsed);
        }
        return parsed;
    }
}
