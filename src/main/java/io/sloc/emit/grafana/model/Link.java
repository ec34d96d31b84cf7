package io.sloc.emit.grafana.model;

import java.util.List;

/**
 * A link: to one URL ({@code type=link}), or a dropdown of the dashboards carrying {@code tags}
 * ({@code type=dashboards}). The schema types dashboard, panel and data links alike, so this one record serves all
 * three (Grafana reads title, url and targetBlank of panel and data links).
 */
public record Link(String title, String type, String url, List<String> tags, boolean asDropdown, String icon,
                   String tooltip, boolean targetBlank, boolean includeVars, boolean keepTime) {

    public Link {
        tags = List.copyOf(tags);
    }

    public static Link toDashboard(String title, String url, String tooltip) {
        return new Link(title, "link", url, List.of(), false, "dashboard", tooltip, false, false, true);
    }

    /** An external page such as a runbook, opened in a new tab. */
    public static Link external(String title, String url) {
        return new Link(title, "link", url, List.of(), false, "doc", "", true, false, false);
    }

    public static Link dashboardsTagged(String title, List<String> tags) {
        return new Link(title, "dashboards", null, tags, true, "external link", "", false, false, true);
    }
}
