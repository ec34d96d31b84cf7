package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One dashboard panel.
 *
 * @param queries    at least one; each parsed with our PromQL parser
 * @param unit       a Grafana unit id such as {@code reqps}, {@code s}, {@code percentunit} (not checked here)
 * @param width      grid width 1..24 when the spec sets it; otherwise the emitter lays panels out itself
 * @param thresholds colour steps; empty when the spec sets none
 */
public record Panel(PanelType type, String title, Optional<String> description, List<PanelQuery> queries,
                    Optional<String> unit, Optional<BigDecimal> min, Optional<BigDecimal> max, OptionalInt width,
                    Optional<Thresholds> thresholds, SourceLocation location) {
    public Panel {
        queries = List.copyOf(queries);
    }

    /** A PromQL query and its legend format (Grafana syntax, e.g. {@code {{code}}}); legend may be empty. */
    public record PanelQuery(PromqlQuery expr, Optional<String> legend) {
    }

    /**
     * Grafana-style thresholds: {@code baseColour} applies below the first step; each step applies from its
     * value upwards. Steps are in strictly increasing value order. Colours are Grafana colour names or
     * {@code #rrggbb}.
     */
    public record Thresholds(String baseColour, List<Step> steps) {
        public Thresholds {
            steps = List.copyOf(steps);
        }
    }

    /** From {@code value} upwards, use {@code colour}. */
    public record Step(BigDecimal value, String colour) {
    }
}
