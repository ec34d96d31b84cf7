package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The structural checker finds each kind of problem it claims to find. */
class DashboardStructureTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode valid() throws IOException {
        return (ObjectNode) MAPPER.readTree("""
                {"templating": {"list": [{"name": "datasource", "type": "datasource"}, {"name": "route", "type": "query"}]},
                 "panels": [
                   {"id": 1, "type": "row", "title": "r", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "repeat": "route"},
                   {"id": 2, "type": "stat", "title": "a", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 4},
                    "datasource": {"uid": "${datasource}"},
                    "targets": [{"refId": "A", "expr": "up{route=~\\"$route\\"}[$__rate_interval]"}, {"refId": "B", "expr": "up"}]},
                   {"id": 3, "type": "stat", "title": "b", "gridPos": {"x": 12, "y": 1, "w": 12, "h": 4}, "targets": []}
                 ]}
                """);
    }

    @Test
    void aSoundDashboardHasNoProblems() throws IOException {
        assertThat(DashboardStructure.problems(valid())).isEmpty();
    }

    @Test
    void findsDuplicateIds() throws IOException {
        ObjectNode dashboard = valid();
        ((ObjectNode) dashboard.at("/panels/2")).put("id", 2);
        assertThat(DashboardStructure.problems(dashboard)).anySatisfy(p -> assertThat(p).contains("duplicate id"));
    }

    @Test
    void findsPanelsOutsideTheGridAndOverlaps() throws IOException {
        ObjectNode outside = valid();
        ((ObjectNode) outside.at("/panels/2/gridPos")).put("x", 13);
        assertThat(DashboardStructure.problems(outside)).anySatisfy(p -> assertThat(p).contains("outside the 24-column grid"));

        ObjectNode overlapping = valid();
        ((ObjectNode) overlapping.at("/panels/2/gridPos")).put("x", 11).put("w", 13);
        assertThat(DashboardStructure.problems(overlapping)).containsExactly("panels 2 and 3 overlap");
    }

    @Test
    void findsUndeclaredVariablesButNotGrafanasOwn() throws IOException {
        ObjectNode dashboard = valid();
        ((ObjectNode) dashboard.at("/panels/1/targets/1")).put("expr", "up{method=~\"${method:regex}\"}");
        assertThat(DashboardStructure.problems(dashboard)).containsExactly("variable $method is used but not declared");
    }

    @Test
    void findsDuplicateRefIds() throws IOException {
        ObjectNode dashboard = valid();
        ((ObjectNode) dashboard.at("/panels/1/targets/1")).put("refId", "A");
        assertThat(DashboardStructure.problems(dashboard)).anySatisfy(p -> assertThat(p).contains("duplicate refId A"));
    }

    @Test
    void collectsEveryVariableSyntax() throws IOException {
        JsonNode node = MAPPER.readTree("[\"$a and ${b} and ${c:csv} and [[d]] and $__interval\"]");
        assertThat(DashboardStructure.usedVariables(node)).containsExactly("__interval", "a", "b", "c", "d");
    }
}
