package io.sloc.emit.grafana.model;

import java.util.List;

/**
 * A dashboard link: to one URL ({@code type=link}), or a dropdown of the dashboards carrying {@code tags}
 * ({@code type=dashboards}). Links keep the time range and the variables so a jump keeps its context.
 */
public record Link(String title, String type, String url, List<String> tags, boolean asDropdown, String icon,
                   String tooltip, boolean targetBlank, boolean includeVars, boolean keepTime) {

    public Link {
        tags = List.copyOf(tags);
    }

    public static Link toDashboard(String title, String url, String tooltip) {
        return new Link(title, "link", url, List.of(), false, "dashboard", tooltip, false, false, true);
    }

    public static Link dashboardsTagged(String title, List<String> tags) {
        return new Link(title, "dashboards", null, tags, true, "external link", "", false, false, true);
    }
}
