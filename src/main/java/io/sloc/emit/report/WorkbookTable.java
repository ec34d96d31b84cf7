package io.sloc.emit.report;

import io.sloc.emit.behaviour.AlertTimeline;
import io.sloc.emit.behaviour.SloUnderTest;
import java.time.Duration;

/**
 * The workbook table as HTML: a row per error ratio, detection and reset time per alert, the budget spent before
 * the first page. Times carry their seconds in {@code data-seconds} so that a reader (or a test) need not parse
 * them.
 */
final class WorkbookTable {
    private WorkbookTable() {
    }

    static String render(PolicyWorkbook workbook) {
        StringBuilder html = new StringBuilder("<table class=\"workbook\"><caption>When the alerts fire under a "
                + "sustained error ratio (evaluated every " + Format.duration(PolicyWorkbook.STEP) + "; \u201cpage\u201d "
                + "is severity " + Html.escape(workbook.pageSeverity()) + "; a ratio exactly on a threshold is not "
                + "above it)</caption>\n<thead><tr>"
                + "<th scope=\"col\" rowspan=\"2\">Error ratio</th><th scope=\"col\" rowspan=\"2\">Burn rate</th>");
        for (SloUnderTest.Alert alert : workbook.slo().alerts()) {
            AlertTimeline.Pair pair = alert.pairs().get(0);
            html.append("<th scope=\"colgroup\" colspan=\"2\">").append(Html.escape(alert.severity())).append(' ')
                    .append(Format.duration(pair.longWindow())).append(" &amp; ")
                    .append(Format.duration(pair.shortWindow())).append("</th>");
        }
        html.append("<th scope=\"col\" rowspan=\"2\">Budget spent before the first page</th></tr>\n<tr>");
        for (int i = 0; i < workbook.slo().alerts().size(); i++) {
            html.append("<th scope=\"col\">detection</th><th scope=\"col\">reset</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (PolicyWorkbook.Row row : workbook.rows()) {
            html.append("<tr data-multiple=\"").append(Format.number(row.multiple())).append("\"><th scope=\"row\">")
                    .append(Format.percent(row.errorRatio())).append("</th><td>")
                    .append(Format.number(row.multiple())).append("x</td>");
            for (PolicyWorkbook.Cell cell : row.cells()) {
                html.append(cells(cell));
            }
            html.append(row.budgetSpentBeforePage().map(spent -> "<td class=\"spent\">" + Format.percent(spent)
                    + "</td>").orElse("<td class=\"spent none\">no page</td>")).append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String cells(PolicyWorkbook.Cell cell) {
        if (cell instanceof PolicyWorkbook.Fires fires) {
            return time("detection", fires.detection()) + time("reset", fires.reset());
        }
        return "<td class=\"detection none\" colspan=\"2\">never</td>";
    }

    private static String time(String kind, Duration duration) {
        return "<td class=\"" + kind + "\" data-seconds=\"" + duration.toSeconds() + "\">"
                + Format.duration(duration) + "</td>";
    }
}
