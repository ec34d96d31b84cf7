package io.sloc.dsl.format;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.AlertmanagerNode;
import io.sloc.dsl.ast.DashboardNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PrometheusNode;
import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.RecordNode;
import io.sloc.dsl.ast.RunbookNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.dsl.ast.WindowNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints a spec AST in the canonical layout: imports, then the declarations in source order; inside each block the
 * fields in one fixed order, one statement per line, two-space indentation, a blank line before each SLO, alert,
 * dashboard row and declaration; the fields of an {@code sli} block aligned, and one-line policy windows laid out
 * as a table. Values are printed as written (PromQL verbatim between backticks); strings are re-escaped.
 *
 * <p>Usage: {@code SpecPrinter.print(ast)}, or {@code SpecPrinter.print(ast, comments)} with comments attached to
 * the statements' locations ({@link SpecComments}). {@link SpecFormatter} formats source text.
 */
public final class SpecPrinter {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");
    private static final Comparator<SourceLocation> SOURCE_ORDER =
            Comparator.comparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    private final SpecComments comments;
    private final Lines out = new Lines();
    private final List<SourceLocation> statements = new ArrayList<>();

    private SpecPrinter(SpecComments comments) {
        this.comments = comments;
    }

    public static String print(SpecFile file) {
        return print(file, SpecComments.none());
    }

    /**
     * The canonical text of {@code file} with {@code comments} at their statements; a comment attached to a location
     * that is no statement of {@code file} is left in {@link SpecComments#unprinted()}.
     *
     * @throws IllegalArgumentException when a name in the AST is not one the spec language can spell
     */
    public static String print(SpecFile file, SpecComments comments) {
        SpecPrinter printer = new SpecPrinter(comments);
        printer.file(file);
        return printer.out.text();
    }

    /** The locations of the statements of {@code file} (where comments can attach), in printing order. */
    static List<SourceLocation> statements(SpecFile file) {
        SpecPrinter printer = new SpecPrinter(SpecComments.none());
        printer.file(file);
        return printer.statements;
    }

    private void file(SpecFile file) {
        for (Located<String> imp : file.imports()) {
            statement(imp.location(), "import " + quote(imp.value()));
        }
        record Declaration(SourceLocation at, Runnable print) {
        }
        List<Declaration> declarations = new ArrayList<>();
        file.services().forEach(s -> declarations.add(new Declaration(s.location(), () -> service(s))));
        file.policies().forEach(p -> declarations.add(new Declaration(p.location(), () -> policy(p))));
        file.runbooks().forEach(r -> declarations.add(new Declaration(r.location(), () -> runbook(r))));
        file.prometheus().forEach(p -> declarations.add(new Declaration(p.location(), () -> prometheus(p))));
        file.alertmanagers().forEach(a -> declarations.add(new Declaration(a.location(), () -> alertmanager(a))));
        declarations.sort(Comparator.comparing(Declaration::at, SOURCE_ORDER));
        for (Declaration declaration : declarations) {
            out.separate();
            declaration.print().run();
        }
        List<SpecComments.Comment> rest = comments.takeFileEnd();
        if (!rest.isEmpty()) {
            out.separate();
            ownLines(rest);
        }
    }

    private void service(ServiceNode service) {
        open(service.location(), "service " + name(service.name()));
        pairs("labels", service.labels());
        optional(service.runbookBaseUrl(), "runbook_base_url", SpecPrinter::quote);
        for (SloNode slo : service.slos()) {
            out.separate();
            slo(slo);
        }
        for (RecordNode record : service.records()) {
            out.separate();
            statement(record.location(), "record " + quote(record.name().value()) + " " + promql(record.expr()));
        }
        for (AlertNode alert : service.alerts()) {
            out.separate();
            alert(alert);
        }
        if (service.dashboard() != null) {
            out.separate();
            dashboard(service.dashboard());
        }
        close(service.location());
    }

    private void slo(SloNode slo) {
        open(slo.location(), "slo " + name(slo.name()));
        optional(slo.description(), "description", SpecPrinter::quote);
        optional(slo.objective(), "objective", v -> v);
        optional(slo.window(), "window", v -> v);
        if (slo.sli() != null) {
            sli(slo.sli());
        }
        if (!slo.groupBy().isEmpty()) {
            statement(slo.groupBy().get(0).location(), "by (" + slo.groupBy().stream().map(this::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        optional(slo.alertingPolicyName(), "alerting", v -> name(slo.alertingPolicyName()));
        if (slo.alertingPolicy() != null) {
            open(slo.alertingPolicy().location(), "alerting");
            policyBody(slo.alertingPolicy());
            close(slo.alertingPolicy().location());
        }
        optional(slo.runbook(), "runbook", v -> name(slo.runbook()));
        pairs("labels", slo.labels());
        close(slo.location());
    }

    private void sli(SliNode sli) {
        if (sli instanceof SliNode.Availability availability) {
            statement(sli.location(), "sli availability " + promql(availability.gauge()));
            return;
        }
        List<Field> fields = new ArrayList<>();
        String kind;
        if (sli instanceof SliNode.Ratio ratio) {
            kind = "ratio";
            promqlField(fields, "errors", ratio.errors());
            promqlField(fields, "good", ratio.good());
            promqlField(fields, "total", ratio.total());
        } else {
            SliNode.Latency latency = (SliNode.Latency) sli;
            kind = "latency";
            promqlField(fields, "histogram", latency.histogram());
            promqlField(fields, "native_histogram", latency.nativeHistogram());
            valueField(fields, "faster_than", latency.threshold());
            valueField(fields, "schema", latency.schema());
        }
        open(sli.location(), "sli " + kind);
        int width = fields.stream().mapToInt(f -> f.keyword().length()).max().orElse(0);
        for (Field field : fields) {
            statement(field.at(), pad(field.keyword(), width) + " " + field.value());
        }
        close(sli.location());
    }

    private void policy(PolicyNode policy) {
        open(policy.location(), "policy " + name(policy.name()));
        policyBody(policy);
        close(policy.location());
    }

    private void policyBody(PolicyNode policy) {
        optional(policy.alertName(), "alert_name", v -> v);
        List<WindowNode> oneLiners = policy.windows().stream().filter(this::fitsOneLine).toList();
        List<List<Field>> table = oneLiners.stream().map(SpecPrinter::windowFields).toList();
        for (WindowNode window : policy.windows()) {
            int row = oneLiners.indexOf(window);
            if (row >= 0) {
                windowOneLine(window, table, row);
            } else {
                open(window.location(), "window");
                windowFields(window).forEach(f -> statement(f.at(), f.keyword() + " " + f.value()));
                pairs("labels", window.labels());
                pairs("annotations", window.annotations());
                close(window.location());
            }
        }
        optional(policy.forDuration(), "for", v -> v);
        optional(policy.keepFiringFor(), "keep_firing_for", v -> v);
        optional(policy.minTraffic(), "min_traffic", v -> v);
        pairs("labels", policy.labels());
        pairs("annotations", policy.annotations());
    }

    private boolean fitsOneLine(WindowNode window) {
        return window.labels().isEmpty() && window.annotations().isEmpty()
                && windowFields(window).stream().noneMatch(f -> comments.hasAny(f.at()));
    }

    /** {@code window { budget 2%  long 1h ... }}: each field kind a column as wide as its widest cell. */
    private void windowOneLine(WindowNode window, List<List<Field>> table, int row) {
        List<String> kinds = table.stream().flatMap(List::stream).map(Field::keyword).distinct()
                .sorted(Comparator.comparingInt(WINDOW_FIELDS::indexOf)).toList();
        List<Field> own = table.get(row);
        StringBuilder line = new StringBuilder("window {");
        String pending = "";
        for (String kind : kinds) {
            int width = table.stream().flatMap(List::stream).filter(f -> f.keyword().equals(kind))
                    .mapToInt(f -> f.text().length()).max().orElseThrow();
            Field cell = own.stream().filter(f -> f.keyword().equals(kind)).findFirst().orElse(null);
            if (cell == null) {
                pending += " ".repeat(width + 1);
                continue;
            }
            statements.add(cell.at());
            line.append(pending).append(' ').append(cell.text());
            pending = " ".repeat(width - cell.text().length());
        }
        statement(window.location(), line.append(" }").toString());
    }

    private static final List<String> WINDOW_FIELDS =
            List.of("budget", "factor", "long", "short", "severity", "for", "keep_firing_for");

    private static List<Field> windowFields(WindowNode window) {
        List<Field> fields = new ArrayList<>();
        valueField(fields, "budget", window.budget());
        valueField(fields, "factor", window.factor());
        valueField(fields, "long", window.longWindow());
        valueField(fields, "short", window.shortWindow());
        valueField(fields, "severity", window.severity());
        valueField(fields, "for", window.forDuration());
        valueField(fields, "keep_firing_for", window.keepFiringFor());
        return fields;
    }

    private void alert(AlertNode alert) {
        open(alert.location(), "alert " + name(alert.name()));
        if (alert.expr() != null) {
            statement(alert.expr().start(), "expr " + promql(alert.expr()));
        }
        optional(alert.forDuration(), "for", v -> v);
        optional(alert.keepFiringFor(), "keep_firing_for", v -> v);
        optional(alert.severity(), "severity", v -> name(alert.severity()));
        optional(alert.slo(), "slo", v -> name(alert.slo()));
        pairs("labels", alert.labels());
        pairs("annotations", alert.annotations());
        optional(alert.runbook(), "runbook", v -> name(alert.runbook()));
        close(alert.location());
    }

    private void prometheus(PrometheusNode prometheus) {
        open(prometheus.location(), "prometheus");
        optional(prometheus.scrapeInterval(), "scrape_interval", v -> v);
        optional(prometheus.evaluationInterval(), "evaluation_interval", v -> v);
        optional(prometheus.retention(), "retention", v -> v);
        pairs("external_labels", prometheus.externalLabels());
        if (!prometheus.alertmanagers().isEmpty()) {
            statement(prometheus.alertmanagers().get(0).location(),
                    "alertmanagers " + strings(prometheus.alertmanagers()));
        }
        for (PrometheusNode.Scrape scrape : prometheus.scrapes()) {
            open(scrape.location(), "scrape " + name(scrape.job()));
            if (!scrape.targets().isEmpty()) {
                statement(scrape.targets().get(0).location(), "targets " + strings(scrape.targets()));
            }
            optional(scrape.metricsPath(), "metrics_path", SpecPrinter::quote);
            optional(scrape.interval(), "interval", v -> v);
            close(scrape.location());
        }
        close(prometheus.location());
    }

    private void alertmanager(AlertmanagerNode alertmanager) {
        open(alertmanager.location(), "alertmanager");
        alertmanager.routes().forEach(this::route);
        for (AlertmanagerNode.Receiver receiver : alertmanager.receivers()) {
            out.separate();
            open(receiver.location(), "receiver " + name(receiver.name()));
            for (AlertmanagerNode.Integration integration : receiver.integrations()) {
                open(integration.location(), name(integration.kind()));
                integration.settings().forEach(setting -> statement(setting.location(), pair(setting)));
                close(integration.location());
            }
            close(receiver.location());
        }
        for (AlertmanagerNode.Inhibit inhibit : alertmanager.inhibits()) {
            out.separate();
            open(inhibit.location(), "inhibit");
            pairs("source", inhibit.source());
            pairs("target", inhibit.target());
            if (!inhibit.equal().isEmpty()) {
                statement(inhibit.equal().get(0).location(), "equal " + names(inhibit.equal()));
            }
            close(inhibit.location());
        }
        close(alertmanager.location());
    }

    private void route(AlertmanagerNode.Route route) {
        open(route.location(), "route");
        pairs("match", route.matchers());
        optional(route.receiver(), "receiver", v -> name(route.receiver()));
        if (!route.groupBy().isEmpty()) {
            statement(route.groupBy().get(0).location(), "group_by " + names(route.groupBy()));
        }
        optional(route.groupWait(), "group_wait", v -> v);
        optional(route.groupInterval(), "group_interval", v -> v);
        optional(route.repeatInterval(), "repeat_interval", v -> v);
        route.routes().forEach(this::route);
        close(route.location());
    }

    private String names(List<Located<String>> names) {
        return "(" + names.stream().map(this::name).collect(Collectors.joining(", ")) + ")";
    }

    private static String strings(List<Located<String>> strings) {
        return "(" + strings.stream().map(s -> quote(s.value())).collect(Collectors.joining(", ")) + ")";
    }

    private void runbook(RunbookNode runbook) {
        open(runbook.location(), "runbook " + name(runbook.name()));
        optional(runbook.title(), "title", SpecPrinter::quote);
        optional(runbook.description(), "description", SpecPrinter::quote);
        runbook.steps().forEach(step -> statement(step.location(), "step " + quote(step.value())));
        close(runbook.location());
    }

    private void dashboard(DashboardNode dashboard) {
        open(dashboard.location(), "dashboard");
        optional(dashboard.title(), "title", SpecPrinter::quote);
        for (DashboardNode.Row row : dashboard.rows()) {
            out.separate();
            open(row.location(), "row " + quote(row.title()));
            row.panels().forEach(this::panel);
            close(row.location());
        }
        close(dashboard.location());
    }

    private void panel(DashboardNode.Panel panel) {
        open(panel.location(), "panel " + name(panel.type()) + " " + quote(panel.title()));
        optional(panel.description(), "description", SpecPrinter::quote);
        for (DashboardNode.Query query : panel.queries()) {
            statement(query.location(), "query " + promql(query.expr())
                    + (query.legend() == null ? "" : " legend " + quote(query.legend())));
        }
        optional(panel.unit(), "unit", SpecPrinter::quote);
        optional(panel.min(), "min", v -> v);
        optional(panel.max(), "max", v -> v);
        optional(panel.width(), "width", v -> v);
        DashboardNode.Thresholds thresholds = panel.thresholds();
        if (thresholds != null) {
            StringBuilder line = new StringBuilder("thresholds { base ").append(colour(thresholds.baseColour()));
            for (DashboardNode.Step step : thresholds.steps()) {
                line.append(' ').append(step.value().value()).append(' ').append(colour(step.colour()));
            }
            statement(thresholds.location(), line.append(" }").toString());
        }
        close(panel.location());
    }

    /**
     * {@code labels { team: "x" }} on one line when it holds one pair with no comment of its own line, else one
     * pair per line. The block has no location of its own: its first pair's stands for it.
     */
    private void pairs(String keyword, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        SourceLocation first = pairs.get(0).location();
        statements.add(first);
        ownLines(comments.takeLeading(first));
        if (keyword.equals("labels") && pairs.size() == 1 && !comments.hasOwnLineComments(first)) {
            out.line(keyword + " { " + pair(pairs.get(0)) + " }" + endOfLine(first));
            return;
        }
        out.open(keyword + " {");
        for (Pair pair : pairs) {
            statement(pair.location(), pair(pair));
        }
        out.close();
    }

    private String pair(Pair pair) {
        return name(pair.name()) + ": " + quote(pair.value());
    }

    private void optional(Located<String> field, String keyword, java.util.function.UnaryOperator<String> value) {
        if (field != null) {
            statement(field.location(), keyword + " " + value.apply(field.value()));
        }
    }

    private void statement(SourceLocation at, String text) {
        statements.add(at);
        ownLines(comments.takeLeading(at));
        out.line(text + endOfLine(at));
        ownLines(comments.takeAfter(at));
    }

    private void open(SourceLocation at, String header) {
        statements.add(at);
        ownLines(comments.takeLeading(at));
        out.open(header + " {" + endOfLine(at));
    }

    private void close(SourceLocation at) {
        out.close();
        ownLines(comments.takeAfter(at));
    }

    private String endOfLine(SourceLocation at) {
        return comments.takeEndOfLine(at).map(c -> " " + c).orElse("");
    }

    private void ownLines(List<SpecComments.Comment> lines) {
        for (SpecComments.Comment comment : lines) {
            out.line(comment.rendered());
            if (comment.blankAfter()) {
                out.separate();
            }
        }
    }

    /** A field of an aligned block: its keyword, printed value and location. */
    private record Field(String keyword, String value, SourceLocation at) {
        String text() {
            return keyword + " " + value;
        }
    }

    private static void promqlField(List<Field> fields, String keyword, PromqlText promql) {
        if (promql != null) {
            fields.add(new Field(keyword, promql(promql), promql.start()));
        }
    }

    private static void valueField(List<Field> fields, String keyword, Located<String> value) {
        if (value != null) {
            fields.add(new Field(keyword, value.value(), value.location()));
        }
    }

    private static String promql(PromqlText promql) {
        if (promql.text().contains("`")) {
            throw new IllegalArgumentException(promql.start() + ": PromQL cannot contain a backtick in a spec");
        }
        return "`" + promql.text() + "`";
    }

    private String name(Located<String> name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name.value()).matches()) {
            throw new IllegalArgumentException(name.location() + ": '" + name.value() + "' is not a valid name "
                    + "in a spec (letters, digits, '_' and '-', not starting with a digit or '-')");
        }
        return name.value();
    }

    private static String colour(String colour) {
        return NAME.matcher(colour).matches() ? colour : quote(colour);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
