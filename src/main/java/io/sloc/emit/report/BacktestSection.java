package io.sloc.emit.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The backtest as HTML: per SLO, the policies side by side (pages, tickets, time to detect and budget spent per
 * incident), then every notification each policy would have sent with its start and end. Times in UTC.
 */
final class BacktestSection {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private BacktestSection() {
    }

    static String render(Backtest backtest) {
        StringBuilder html = new StringBuilder("<section class=\"backtest\" id=\"backtest\">\n<h2>Backtest</h2>\n"
                + "<p>History " + Html.escape(backtest.source()) + " from " + time(backtest.from()) + " to "
                + time(backtest.to()) + ", replayed through the rules of " + Html.escape(String.join(" and ",
                backtest.policies())) + ", evaluated every " + Format.duration(backtest.step()) + ". An incident "
                + "is a run of evaluations whose base-window error ratio is above the error budget.</p>\n");
        for (Backtest.SloBacktest slo : backtest.slos()) {
            html.append("<h3>").append(Html.escape(slo.name())).append("</h3>\n").append(comparison(backtest, slo));
            for (int p = 0; p < backtest.policies().size(); p++) {
                html.append(notifications(backtest.policies().get(p), slo.name(), slo.outcomes().get(p)));
            }
        }
        return html.append("</section>\n").toString();
    }

    private static String comparison(Backtest backtest, Backtest.SloBacktest slo) {
        StringBuilder html = new StringBuilder("<table class=\"comparison\" data-slo=\"")
                .append(Html.escape(slo.name())).append("\"><caption>Policies compared</caption>\n<thead><tr>"
                        + "<th scope=\"col\">Policy</th><th scope=\"col\">Pages</th><th scope=\"col\">Other "
                        + "notifications</th>");
        for (Backtest.Incident incident : slo.incidents()) {
            html.append("<th scope=\"col\">Incident at ").append(time(incident.start())).append(": time to detect, "
                    + "budget spent</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int p = 0; p < backtest.policies().size(); p++) {
            Backtest.PolicyOutcome outcome = slo.outcomes().get(p);
            html.append("<tr><th scope=\"row\">").append(Html.escape(backtest.policies().get(p))).append("</th><td>")
                    .append(outcome.pages()).append("</td><td>")
                    .append(outcome.notifications().size() - outcome.pages()).append("</td>");
            for (Optional<Backtest.Detection> detection : outcome.detections()) {
                html.append(detection.map(d -> "<td class=\"detected\" data-seconds=\"" + d.timeToDetect().toSeconds()
                        + "\">" + Format.duration(d.timeToDetect()) + ", " + Format.percent(d.budgetSpent()) + "</td>")
                        .orElse("<td class=\"none\">no page</td>"));
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String notifications(String policy, String slo, Backtest.PolicyOutcome outcome) {
        List<Backtest.Notification> sent = outcome.notifications();
        if (sent.isEmpty()) {
            return "<p>" + Html.escape(policy) + ": no notifications.</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"notifications\" data-policy=\"")
                .append(Html.escape(policy)).append("\" data-slo=\"").append(Html.escape(slo))
                .append("\"><caption>").append(Html.escape(policy)).append(": notifications</caption>\n<thead><tr>"
                        + "<th scope=\"col\">Kind</th><th scope=\"col\">Severity</th><th scope=\"col\">Firing from"
                        + "</th><th scope=\"col\">until</th></tr></thead>\n<tbody>\n");
        for (Backtest.Notification n : sent) {
            html.append("<tr class=\"").append(n.page() ? "page" : "ticket").append("\" data-start=\"")
                    .append(n.start().toEpochMilli()).append("\"><td>").append(n.page() ? "page" : "ticket")
                    .append("</td><td>").append(Html.escape(n.severity())).append("</td><td>").append(time(n.start()))
                    .append("</td><td>").append(n.end().map(BacktestSection::time).orElse("end of history"))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String time(Instant instant) {
        return UTC.format(instant);
    }
}
