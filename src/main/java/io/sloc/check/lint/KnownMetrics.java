package io.sloc.check.lint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Metrics the user declares to exist although no checked rule records them: recorded by another Prometheus
 * (federation) or an upstream chart's rules, or scraped. {@code globs} come from {@code --known-metric} and
 * {@code known_metrics}: {@code *} matches any run of characters, {@code ?} one character, every other character
 * itself, and the whole name must match ({@code kube_*}, {@code *:rate5m}). {@code scrape} holds what the
 * {@code --metrics} scrapes show when any were given: then the scraped metrics are known well enough to judge
 * plain metric names too.
 */
public final class KnownMetrics {
    public static final KnownMetrics NONE = new KnownMetrics(List.of(), Optional.empty());

    private final List<Pattern> globs;
    private final Optional<Scrape> scrape;

    public KnownMetrics(List<String> globs, Optional<Scrape> scrape) {
        this.globs = globs.stream().map(KnownMetrics::compile).toList();
        this.scrape = scrape;
    }

    public boolean contains(String metric) {
        return scrape.map(s -> s.names().contains(metric)).orElse(false)
                || globs.stream().anyMatch(glob -> glob.matcher(metric).matches());
    }

    /** Whether a scrape lists the metrics that exist, so that a plain name missing from it can be reported. */
    public boolean scrapeGiven() {
        return scrape.isPresent();
    }

    /** The {@code --metrics} scrapes, when any were given. */
    public Optional<Scrape> scrape() {
        return scrape;
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
    }
}
