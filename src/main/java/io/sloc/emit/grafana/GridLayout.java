package io.sloc.emit.grafana;

import io.sloc.emit.grafana.model.DashboardPanel;
import io.sloc.emit.grafana.model.GrafanaPanel;
import io.sloc.emit.grafana.model.GridPos;
import io.sloc.emit.grafana.model.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packs panels into Grafana's 24-column grid. Each section starts below everything before it, optionally under a
 * full-width row header; inside a section every panel goes to the highest free spot that fits its width (leftmost
 * on ties), so a column of small stats can sit beside a tall graph. Panels never overlap, and ids are assigned
 * 1, 2, 3... in output order.
 */
public final class GridLayout {
    private static final int ROW_HEIGHT = 1;

    private GridLayout() {
    }

    /** Panels under an optional row header ({@code null} for panels at the top of a dashboard). */
    public record Section(Row header, List<GrafanaPanel> panels) {
        public Section {
            panels = List.copyOf(panels);
        }
    }

    public static List<DashboardPanel> layout(List<Section> sections) {
        List<DashboardPanel> placed = new ArrayList<>();
        int top = 0;
        for (Section section : sections) {
            if (section.header() != null) {
                GridPos fullWidth = new GridPos(ROW_HEIGHT, GridPos.COLUMNS, 0, top);
                placed.add(section.header().placed(placed.size() + 1, fullWidth));
                top += ROW_HEIGHT;
            }
            int[] skyline = new int[GridPos.COLUMNS];
            Arrays.fill(skyline, top);
            for (GrafanaPanel panel : section.panels()) {
                GridPos spot = highestSpot(skyline, panel.gridPos().w(), panel.gridPos().h());
                Arrays.fill(skyline, spot.x(), spot.right(), spot.bottom());
                placed.add(panel.placed(placed.size() + 1, spot));
            }
            top = Arrays.stream(skyline).max().orElse(top);
        }
        return List.copyOf(placed);
    }

    private static GridPos highestSpot(int[] skyline, int width, int height) {
        int bestX = 0;
        int bestY = Integer.MAX_VALUE;
        for (int x = 0; x + width <= GridPos.COLUMNS; x++) {
            int y = Arrays.stream(skyline, x, x + width).max().orElseThrow();
            if (y < bestY) {
                bestX = x;
                bestY = y;
            }
        }
        return new GridPos(height, width, bestX, bestY);
    }
}
