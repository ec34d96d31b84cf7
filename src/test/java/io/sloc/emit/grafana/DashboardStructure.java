package io.sloc.emit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the schema cannot say about a dashboard: panel ids unique, every panel inside the 24-column grid and none
 * overlapping another, every {@code $variable} used in a query, title or link declared, refIds unique per panel.
 * Works on the written JSON, not on our model, so it checks what Grafana will read.
 */
final class DashboardStructure {
    /** {@code $name}, {@code ${name}}, {@code ${name:format}} and the legacy {@code [[name]]}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}|\\$([A-Za-z0-9_]+)|\\[\\[([A-Za-z0-9_]+)]]");

    private DashboardStructure() {
    }

    static List<String> problems(JsonNode dashboard) {
        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        for (JsonNode panel : panels) {
            String where = "panel " + panel.path("id") + " (" + panel.path("title").asText() + ")";
            if (!panel.path("id").isInt() || !ids.add(panel.path("id").asInt())) {
                problems.add(where + ": missing or duplicate id");
            }
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt(-1);
            int w = grid.path("w").asInt(-1);
            if (x < 0 || w < 1 || x + w > 24 || grid.path("h").asInt(0) < 1 || grid.path("y").asInt(-1) < 0) {
                problems.add(where + ": gridPos outside the 24-column grid: " + grid);
            }
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                if (!refIds.add(target.path("refId").asText())) {
                    problems.add(where + ": duplicate refId " + target.path("refId").asText());
                }
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                if (overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos"))) {
                    problems.add("panels " + panels.get(i).path("id") + " and " + panels.get(j).path("id") + " overlap");
                }
            }
        }
        Set<String> declared = new HashSet<>();
        dashboard.path("templating").path("list").forEach(v -> declared.add(v.path("name").asText()));
        for (String used : usedVariables(dashboard)) {
            if (!declared.contains(used) && !used.startsWith("__")) {
                problems.add("variable $" + used + " is used but not declared");
            }
        }
        return problems;
    }

    /** Every variable referenced in any string of the dashboard (Grafana's own {@code $__...} ones included). */
    static Set<String> usedVariables(JsonNode node) {
        Set<String> used = new TreeSet<>();
        collect(node, used);
        return used;
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isTextual()) {
            Matcher m = VARIABLE.matcher(node.asText());
            while (m.find()) {
                used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            collect(it.next().getValue(), used);
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, used));
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
