package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.emit.grafana.GridLayout.Section;
import io.sloc.emit.grafana.model.DashboardPanel;
import io.sloc.emit.grafana.model.FieldConfig;
import io.sloc.emit.grafana.model.FieldDefaults;
import io.sloc.emit.grafana.model.GrafanaPanel;
import io.sloc.emit.grafana.model.GridPos;
import io.sloc.emit.grafana.model.PanelOptions;
import io.sloc.emit.grafana.model.Row;
import io.sloc.emit.grafana.model.Target;
import io.sloc.emit.grafana.model.Thresholds;
import io.sloc.model.PanelType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

    static GrafanaPanel stat(int w, int h) {
        return GrafanaPanel.of(PanelType.STAT, w + "x" + h, null, new GridPos(h, w, 0, 0), List.of(Target.instant("up", "")),
                new FieldConfig(FieldDefaults.of("short", Thresholds.base("green")), List.of()), PanelOptions.Stat.background(),
                List.of());
    }

    @Test
    void smallStatsStackBesideATallGraph() {
        List<DashboardPanel> placed = GridLayout.layout(List.of(new Section(Row.expanded("SLO", null),
                List.of(stat(6, 3), stat(18, 9), stat(6, 3), stat(6, 3)))));

        assertThat(placed).extracting(DashboardPanel::gridPos).containsExactly(
                new GridPos(1, 24, 0, 0),
                new GridPos(3, 6, 0, 1),
                new GridPos(9, 18, 6, 1),
                new GridPos(3, 6, 0, 4),
                new GridPos(3, 6, 0, 7));
        assertThat(placed).extracting(DashboardPanel::id).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aSectionStartsBelowTheTallestPanelOfThePreviousOne() {
        List<DashboardPanel> placed = GridLayout.layout(List.of(
                new Section(null, List.of(stat(12, 8), stat(12, 4))),
                new Section(Row.expanded("next", null), List.of(stat(24, 2)))));

        assertThat(placed.get(2).gridPos()).isEqualTo(new GridPos(1, 24, 0, 8));
        assertThat(placed.get(3).gridPos()).isEqualTo(new GridPos(2, 24, 0, 9));
    }

    @Property(tries = 200)
    void panelsNeverOverlapAndStayInsideTheGrid(@ForAll("sections") List<Section> sections) {
        List<DashboardPanel> placed = GridLayout.layout(sections);

        int expected = sections.stream().mapToInt(s -> s.panels().size() + (s.header() == null ? 0 : 1)).sum();
        assertThat(placed).hasSize(expected);
        assertThat(placed).extracting(DashboardPanel::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
        for (int i = 0; i < placed.size(); i++) {
            GridPos a = placed.get(i).gridPos();
            assertThat(a.right()).isLessThanOrEqualTo(24);
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(a.overlaps(placed.get(j).gridPos())).as("%s overlaps %s", a, placed.get(j).gridPos()).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<List<Section>> sections() {
        Arbitrary<GrafanaPanel> panels = Combinators.combine(Arbitraries.integers().between(1, 24), Arbitraries.integers().between(1, 12))
                .as(GridLayoutTest::stat);
        Arbitrary<Section> section = Combinators.combine(Arbitraries.of(true, false), panels.list().ofMaxSize(12))
                .as((withRow, list) -> new Section(withRow ? Row.expanded("r", null) : null, new ArrayList<>(list)));
        return section.list().ofMaxSize(5);
    }
}
