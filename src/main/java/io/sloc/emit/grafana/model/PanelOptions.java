package io.sloc.emit.grafana.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sloc.model.PanelType;
import java.util.List;

/**
 * The {@code options} object of a panel, one record per visualization. Every record writes all fields its plugin's
 * schema requires, so the options validate against the panel schemas too.
 */
public sealed interface PanelOptions {

    @JsonIgnore
    PanelType panelType();

    /** Reduces each series to one value: the last non-null one, as SLO figures are current values. */
    record ReduceOptions(List<String> calcs, String fields, boolean values) {
        public static final ReduceOptions LAST = new ReduceOptions(List.of("lastNotNull"), "", false);

        public ReduceOptions {
            calcs = List.copyOf(calcs);
        }
    }

    record Legend(String displayMode, String placement, boolean showLegend, List<String> calcs) {
        public static final Legend LIST_BOTTOM = new Legend("list", "bottom", true, List.of());
        public static final Legend HIDDEN = new Legend("list", "bottom", false, List.of());

        public Legend {
            calcs = List.copyOf(calcs);
        }

        /** A table legend at the bottom with the given per-series figures (e.g. {@code lastNotNull}, {@code max}). */
        public static Legend table(List<String> calcs) {
            return new Legend("table", "bottom", true, calcs);
        }
    }

    record Tooltip(String mode, String sort) {
        public static final Tooltip ALL_DESCENDING = new Tooltip("multi", "desc");
    }

    record Stat(ReduceOptions reduceOptions, String orientation, String textMode, String colorMode,
                String graphMode, String justifyMode, boolean wideLayout, boolean showPercentChange,
                String percentChangeColorMode) implements PanelOptions {

        /** A big number on a background colored by its thresholds. */
        public static Stat background() {
            return new Stat(ReduceOptions.LAST, "auto", "auto", "background", "none", "auto", true, false, "standard");
        }

        @Override
        public PanelType panelType() {
            return PanelType.STAT;
        }
    }

    record Gauge(ReduceOptions reduceOptions, String orientation, boolean showThresholdLabels,
                 boolean showThresholdMarkers, String sizing, int minVizWidth, int minVizHeight)
            implements PanelOptions {

        public static Gauge withMarkers() {
            return new Gauge(ReduceOptions.LAST, "auto", false, true, "auto", 75, 75);
        }

        @Override
        public PanelType panelType() {
            return PanelType.GAUGE;
        }
    }

    record BarGauge(ReduceOptions reduceOptions, String orientation, String displayMode, String valueMode,
                    String namePlacement, boolean showUnfilled, String sizing, int minVizWidth, int minVizHeight,
                    int maxVizHeight, Legend legend) implements PanelOptions {

        public static BarGauge horizontal() {
            return new BarGauge(ReduceOptions.LAST, "horizontal", "gradient", "color", "auto", true, "auto", 8, 16,
                    300, Legend.HIDDEN);
        }

        @Override
        public PanelType panelType() {
            return PanelType.BARGAUGE;
        }
    }

    record TimeSeries(Legend legend, Tooltip tooltip) implements PanelOptions {
        public static TimeSeries withLegend(Legend legend) {
            return new TimeSeries(legend, Tooltip.ALL_DESCENDING);
        }

        @Override
        public PanelType panelType() {
            return PanelType.TIMESERIES;
        }
    }

    record Table(int frameIndex, boolean showHeader, String cellHeight, List<SortBy> sortBy) implements PanelOptions {
        public Table {
            sortBy = List.copyOf(sortBy);
        }

        public static Table sortedBy(String column, boolean descending) {
            return new Table(0, true, "sm", List.of(new SortBy(column, descending)));
        }

        @Override
        public PanelType panelType() {
            return PanelType.TABLE;
        }

        public record SortBy(String displayName, boolean desc) {
        }
    }

    record StateTimeline(boolean mergeValues, String showValue, String alignValue, double rowHeight, Legend legend,
                         Tooltip tooltip) implements PanelOptions {
        public static StateTimeline standard() {
            return new StateTimeline(true, "auto", "left", 0.9, Legend.LIST_BOTTOM, new Tooltip("single", "none"));
        }

        @Override
        public PanelType panelType() {
            return PanelType.STATE_TIMELINE;
        }
    }
}
