package io.sloc.dsl;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.antlr.SloSpecParser.*;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree into the immutable AST, one method per grammar rule. It checks only what the grammar
 * cannot: a field written twice in one block, and string escapes.
 */
final class SpecAstBuilder {
    private final String source;

    SpecAstBuilder(String source) {
        this.source = source;
    }

    SpecFile specFile(SpecFileContext ctx) {
        List<Located<String>> imports = new ArrayList<>();
        for (ImportDeclContext imp : ctx.importDecl()) {
            imports.add(located(imp.STRING()));
        }
        List<ServiceNode> services = new ArrayList<>();
        List<PolicyNode> policies = new ArrayList<>();
        List<RunbookNode> runbooks = new ArrayList<>();
        List<PrometheusNode> prometheus = new ArrayList<>();
        List<AlertmanagerNode> alertmanagers = new ArrayList<>();
        for (DeclarationContext decl : ctx.declaration()) {
            if (decl.prometheusDecl() != null) {
                prometheus.add(prometheus(decl.prometheusDecl()));
            } else if (decl.alertmanagerDecl() != null) {
                alertmanagers.add(alertmanager(decl.alertmanagerDecl()));
            } else if (decl.serviceDecl() != null) {
                services.add(service(decl.serviceDecl()));
            } else if (decl.policyDecl() != null) {
                policies.add(policy(name(decl.policyDecl().name()), decl.policyDecl().policyBody(),
                        at(decl.policyDecl())));
            } else {
                runbooks.add(runbook(decl.runbookDecl()));
            }
        }
        return new SpecFile(source, imports, services, policies, runbooks, prometheus, alertmanagers);
    }

    private ServiceNode service(ServiceDeclContext ctx) {
        Fields once = new Fields();
        List<Pair> labels = new ArrayList<>();
        Located<String> runbookBaseUrl = null;
        List<SloNode> slos = new ArrayList<>();
        List<AlertNode> alerts = new ArrayList<>();
        List<RecordNode> records = new ArrayList<>();
        DashboardNode dashboard = null;
        for (ServiceItemContext item : ctx.serviceItem()) {
            if (item instanceof ServiceLabelsContext c) {
                once.check("labels", c);
                labels = pairs(c.labelsBlock().pair());
            } else if (item instanceof ServiceRunbookBaseUrlContext c) {
                once.check("runbook_base_url", c);
                runbookBaseUrl = located(c.STRING());
            } else if (item instanceof ServiceSloContext c) {
                slos.add(slo(c.sloDecl()));
            } else if (item instanceof ServiceAlertContext c) {
                alerts.add(alert(c.alertDecl()));
            } else if (item instanceof ServiceDashboardContext c) {
                once.check("dashboard", c);
                dashboard = dashboard(c.dashboardDecl());
            } else if (item instanceof ServiceRecordContext c) {
                records.add(new RecordNode(new Located<>(string(c.STRING()), at(c.STRING())), promql(c.promql()),
                        at(c)));
            }
        }
        return new ServiceNode(name(ctx.name()), labels, runbookBaseUrl, slos, alerts, records, dashboard, at(ctx));
    }

    private SloNode slo(SloDeclContext ctx) {
        Fields once = new Fields();
        Located<String> description = null;
        Located<String> objective = null;
        Located<String> window = null;
        SliNode sli = null;
        List<Located<String>> groupBy = List.of();
        Located<String> policyName = null;
        PolicyNode policy = null;
        Located<String> runbook = null;
        List<Pair> labels = List.of();
        for (SloItemContext item : ctx.sloItem()) {
            if (item instanceof SloDescriptionContext c) {
                once.check("description", c);
                description = located(c.STRING());
            } else if (item instanceof SloObjectiveContext c) {
                once.check("objective", c);
                objective = token(c.PERCENT());
            } else if (item instanceof SloWindowContext c) {
                once.check("window", c);
                window = token(c.DURATION());
            } else if (item instanceof SloSliContext c) {
                once.check("sli", c);
                sli = sli(c.sliDecl());
            } else if (item instanceof SloGroupByContext c) {
                once.check("by", c);
                groupBy = c.name().stream().map(this::name).toList();
            } else if (item instanceof SloAlertingContext c) {
                once.check("alerting", c);
                if (c.name() != null) {
                    policyName = name(c.name());
                } else {
                    policy = policy(null, c.policyBody(), at(c));
                }
            } else if (item instanceof SloRunbookContext c) {
                once.check("runbook", c);
                runbook = name(c.name());
            } else if (item instanceof SloLabelsContext c) {
                once.check("labels", c);
                labels = pairs(c.labelsBlock().pair());
            }
        }
        return new SloNode(name(ctx.name()), description, objective, window, sli, groupBy, policyName, policy,
                runbook, labels, at(ctx));
    }

    private SliNode sli(SliDeclContext ctx) {
        Fields once = new Fields();
        if (ctx instanceof RatioSliContext c) {
            PromqlText errors = null;
            PromqlText good = null;
            PromqlText total = null;
            for (RatioItemContext item : c.ratioItem()) {
                if (item instanceof RatioErrorsContext e) {
                    once.check("errors", e);
                    errors = promql(e.promql());
                } else if (item instanceof RatioGoodContext g) {
                    once.check("good", g);
                    good = promql(g.promql());
                } else if (item instanceof RatioTotalContext t) {
                    once.check("total", t);
                    total = promql(t.promql());
                }
            }
            return new SliNode.Ratio(errors, good, total, at(ctx));
        }
        if (ctx instanceof LatencySliContext c) {
            PromqlText histogram = null;
            PromqlText nativeHistogram = null;
            Located<String> threshold = null;
            Located<String> schema = null;
            for (LatencyItemContext item : c.latencyItem()) {
                if (item instanceof LatencyHistogramContext h) {
                    once.check("histogram", h);
                    histogram = promql(h.promql());
                } else if (item instanceof LatencyNativeHistogramContext h) {
                    once.check("native_histogram", h);
                    nativeHistogram = promql(h.promql());
                } else if (item instanceof LatencyThresholdContext t) {
                    once.check("faster_than", t);
                    threshold = token(t.DURATION());
                } else if (item instanceof LatencySchemaContext s) {
                    once.check("schema", s);
                    schema = number(s.number());
                }
            }
            return new SliNode.Latency(histogram, nativeHistogram, threshold, schema, at(ctx));
        }
        AvailabilitySliContext c = (AvailabilitySliContext) ctx;
        return new SliNode.Availability(promql(c.promql()), at(ctx));
    }

    private PolicyNode policy(Located<String> name, PolicyBodyContext ctx, SourceLocation location) {
        Fields once = new Fields();
        List<WindowNode> windows = new ArrayList<>();
        Located<String> forDuration = null;
        Located<String> keepFiringFor = null;
        Located<String> minTraffic = null;
        List<Pair> labels = List.of();
        List<Pair> annotations = List.of();
        Located<String> alertName = null;
        for (PolicyItemContext item : ctx.policyItem()) {
            if (item instanceof PolicyWindowContext c) {
                windows.add(window(c));
            } else if (item instanceof PolicyForContext c) {
                once.check("for", c);
                forDuration = token(c.DURATION());
            } else if (item instanceof PolicyKeepFiringForContext c) {
                once.check("keep_firing_for", c);
                keepFiringFor = token(c.DURATION());
            } else if (item instanceof PolicyMinTrafficContext c) {
                once.check("min_traffic", c);
                minTraffic = number(c.number());
            } else if (item instanceof PolicyLabelsContext c) {
                once.check("labels", c);
                labels = pairs(c.labelsBlock().pair());
            } else if (item instanceof PolicyAnnotationsContext c) {
                once.check("annotations", c);
                annotations = pairs(c.annotationsBlock().pair());
            } else if (item instanceof PolicyAlertNameContext c) {
                once.check("alert_name", c);
                alertName = name(c.name());
            }
        }
        return new PolicyNode(name, windows, forDuration, keepFiringFor, minTraffic, labels, annotations, alertName,
                location);
    }

    private WindowNode window(PolicyWindowContext ctx) {
        Fields once = new Fields();
        Located<String> budget = null;
        Located<String> factor = null;
        Located<String> longWindow = null;
        Located<String> shortWindow = null;
        Located<String> severity = null;
        Located<String> forDuration = null;
        Located<String> keepFiringFor = null;
        List<Pair> labels = List.of();
        List<Pair> annotations = List.of();
        for (WindowItemContext item : ctx.windowItem()) {
            if (item instanceof WindowBudgetContext c) {
                once.check("budget", c);
                budget = token(c.PERCENT());
            } else if (item instanceof WindowFactorContext c) {
                once.check("factor", c);
                factor = number(c.number());
            } else if (item instanceof WindowLongContext c) {
                once.check("long", c);
                longWindow = token(c.DURATION());
            } else if (item instanceof WindowShortContext c) {
                once.check("short", c);
                shortWindow = token(c.DURATION());
            } else if (item instanceof WindowSeverityContext c) {
                once.check("severity", c);
                severity = name(c.name());
            } else if (item instanceof WindowForContext c) {
                once.check("for", c);
                forDuration = token(c.DURATION());
            } else if (item instanceof WindowKeepFiringForContext c) {
                once.check("keep_firing_for", c);
                keepFiringFor = token(c.DURATION());
            } else if (item instanceof WindowLabelsContext c) {
                once.check("labels", c);
                labels = pairs(c.labelsBlock().pair());
            } else if (item instanceof WindowAnnotationsContext c) {
                once.check("annotations", c);
                annotations = pairs(c.annotationsBlock().pair());
            }
        }
        return new WindowNode(budget, factor, longWindow, shortWindow, severity, forDuration, keepFiringFor, labels,
                annotations, at(ctx));
    }

    private AlertNode alert(AlertDeclContext ctx) {
        Fields once = new Fields();
        PromqlText expr = null;
        Located<String> forDuration = null;
        Located<String> keepFiringFor = null;
        Located<String> severity = null;
        Located<String> slo = null;
        Located<String> runbook = null;
        List<Pair> labels = List.of();
        List<Pair> annotations = List.of();
        for (AlertItemContext item : ctx.alertItem()) {
            if (item instanceof AlertExprContext c) {
                once.check("expr", c);
                expr = promql(c.promql());
            } else if (item instanceof AlertForContext c) {
                once.check("for", c);
                forDuration = token(c.DURATION());
            } else if (item instanceof AlertKeepFiringForContext c) {
                once.check("keep_firing_for", c);
                keepFiringFor = token(c.DURATION());
            } else if (item instanceof AlertSeverityContext c) {
                once.check("severity", c);
                severity = name(c.name());
            } else if (item instanceof AlertSloContext c) {
                once.check("slo", c);
                slo = name(c.name());
            } else if (item instanceof AlertRunbookContext c) {
                once.check("runbook", c);
                runbook = name(c.name());
            } else if (item instanceof AlertLabelsContext c) {
                once.check("labels", c);
                labels = pairs(c.labelsBlock().pair());
            } else if (item instanceof AlertAnnotationsContext c) {
                once.check("annotations", c);
                annotations = pairs(c.annotationsBlock().pair());
            }
        }
        return new AlertNode(name(ctx.name()), expr, forDuration, keepFiringFor, severity, slo, runbook, labels,
                annotations, at(ctx));
    }

    private RunbookNode runbook(RunbookDeclContext ctx) {
        Fields once = new Fields();
        Located<String> title = null;
        Located<String> description = null;
        List<Located<String>> steps = new ArrayList<>();
        for (RunbookItemContext item : ctx.runbookItem()) {
            if (item instanceof RunbookTitleContext c) {
                once.check("title", c);
                title = located(c.STRING());
            } else if (item instanceof RunbookDescriptionContext c) {
                once.check("description", c);
                description = located(c.STRING());
            } else if (item instanceof RunbookStepContext c) {
                steps.add(located(c.STRING()));
            }
        }
        return new RunbookNode(name(ctx.name()), title, description, steps, at(ctx));
    }

    private DashboardNode dashboard(DashboardDeclContext ctx) {
        Fields once = new Fields();
        Located<String> title = null;
        List<DashboardNode.Row> rows = new ArrayList<>();
        for (DashboardItemContext item : ctx.dashboardItem()) {
            if (item instanceof DashboardTitleContext c) {
                once.check("title", c);
                title = located(c.STRING());
            } else if (item instanceof DashboardRowContext c) {
                rows.add(new DashboardNode.Row(string(c.STRING()), c.panelDecl().stream().map(this::panel).toList(),
                        at(c)));
            }
        }
        return new DashboardNode(title, rows, at(ctx));
    }

    private DashboardNode.Panel panel(PanelDeclContext ctx) {
        Fields once = new Fields();
        List<DashboardNode.Query> queries = new ArrayList<>();
        Located<String> description = null;
        Located<String> unit = null;
        Located<String> min = null;
        Located<String> max = null;
        Located<String> width = null;
        DashboardNode.Thresholds thresholds = null;
        for (PanelItemContext item : ctx.panelItem()) {
            if (item instanceof PanelQueryContext c) {
                queries.add(new DashboardNode.Query(promql(c.promql()),
                        c.STRING() == null ? null : string(c.STRING()), at(c)));
            } else if (item instanceof PanelDescriptionContext c) {
                once.check("description", c);
                description = located(c.STRING());
            } else if (item instanceof PanelUnitContext c) {
                once.check("unit", c);
                unit = located(c.STRING());
            } else if (item instanceof PanelMinContext c) {
                once.check("min", c);
                min = number(c.number());
            } else if (item instanceof PanelMaxContext c) {
                once.check("max", c);
                max = number(c.number());
            } else if (item instanceof PanelWidthContext c) {
                once.check("width", c);
                width = number(c.number());
            } else if (item instanceof PanelThresholdsContext c) {
                once.check("thresholds", c);
                thresholds = thresholds(c);
            }
        }
        return new DashboardNode.Panel(name(ctx.name()), string(ctx.STRING()), queries, description, unit, min, max,
                width, thresholds, at(ctx));
    }

    private DashboardNode.Thresholds thresholds(PanelThresholdsContext ctx) {
        List<ColourContext> colours = ctx.colour();
        List<DashboardNode.Step> steps = new ArrayList<>();
        for (int i = 0; i < ctx.number().size(); i++) {
            steps.add(new DashboardNode.Step(number(ctx.number(i)), colour(colours.get(i + 1))));
        }
        return new DashboardNode.Thresholds(colour(colours.get(0)), steps, at(ctx));
    }

    private String colour(ColourContext ctx) {
        return ctx.STRING() != null ? string(ctx.STRING()) : ctx.name().getText();
    }

    private PrometheusNode prometheus(PrometheusDeclContext ctx) {
        Fields once = new Fields();
        Located<String> scrapeInterval = null;
        Located<String> evaluationInterval = null;
        Located<String> retention = null;
        List<Pair> externalLabels = List.of();
        List<Located<String>> alertmanagers = List.of();
        List<PrometheusNode.Scrape> scrapes = new ArrayList<>();
        for (PrometheusItemContext item : ctx.prometheusItem()) {
            if (item instanceof PrometheusScrapeIntervalContext c) {
                once.check("scrape_interval", c);
                scrapeInterval = token(c.DURATION());
            } else if (item instanceof PrometheusEvaluationIntervalContext c) {
                once.check("evaluation_interval", c);
                evaluationInterval = token(c.DURATION());
            } else if (item instanceof PrometheusRetentionContext c) {
                once.check("retention", c);
                retention = token(c.DURATION());
            } else if (item instanceof PrometheusExternalLabelsContext c) {
                once.check("external_labels", c);
                externalLabels = pairs(c.pair());
            } else if (item instanceof PrometheusAlertmanagersContext c) {
                once.check("alertmanagers", c);
                alertmanagers = strings(c.stringList());
            } else if (item instanceof PrometheusScrapeContext c) {
                scrapes.add(scrape(c));
            }
        }
        return new PrometheusNode(scrapeInterval, evaluationInterval, retention, externalLabels, alertmanagers,
                scrapes, at(ctx));
    }

    private PrometheusNode.Scrape scrape(PrometheusScrapeContext ctx) {
        Fields once = new Fields();
        List<Located<String>> targets = List.of();
        Located<String> metricsPath = null;
        Located<String> interval = null;
        for (ScrapeItemContext item : ctx.scrapeItem()) {
            if (item instanceof ScrapeTargetsContext c) {
                once.check("targets", c);
                targets = strings(c.stringList());
            } else if (item instanceof ScrapeMetricsPathContext c) {
                once.check("metrics_path", c);
                metricsPath = new Located<>(string(c.STRING()), at(c.STRING()));
            } else if (item instanceof ScrapeIntervalContext c) {
                once.check("interval", c);
                interval = token(c.DURATION());
            }
        }
        return new PrometheusNode.Scrape(name(ctx.name()), targets, metricsPath, interval, at(ctx));
    }

    private AlertmanagerNode alertmanager(AlertmanagerDeclContext ctx) {
        List<AlertmanagerNode.Receiver> receivers = new ArrayList<>();
        List<AlertmanagerNode.Route> routes = new ArrayList<>();
        List<AlertmanagerNode.Inhibit> inhibits = new ArrayList<>();
        for (AlertmanagerItemContext item : ctx.alertmanagerItem()) {
            if (item instanceof AlertmanagerReceiverContext c) {
                receivers.add(new AlertmanagerNode.Receiver(name(c.name()), c.integration().stream()
                        .map(i -> new AlertmanagerNode.Integration(name(i.name()), pairs(i.pair()), at(i))).toList(),
                        at(c)));
            } else if (item instanceof AlertmanagerRouteContext c) {
                routes.add(route(c.routeDecl()));
            } else if (item instanceof AlertmanagerInhibitContext c) {
                inhibits.add(inhibit(c));
            }
        }
        return new AlertmanagerNode(receivers, routes, inhibits, at(ctx));
    }

    private AlertmanagerNode.Route route(RouteDeclContext ctx) {
        Fields once = new Fields();
        List<Pair> matchers = List.of();
        Located<String> receiver = null;
        List<Located<String>> groupBy = List.of();
        Located<String> groupWait = null;
        Located<String> groupInterval = null;
        Located<String> repeatInterval = null;
        List<AlertmanagerNode.Route> routes = new ArrayList<>();
        for (RouteItemContext item : ctx.routeItem()) {
            if (item instanceof RouteMatchContext c) {
                once.check("match", c);
                matchers = pairs(c.pair());
            } else if (item instanceof RouteReceiverContext c) {
                once.check("receiver", c);
                receiver = name(c.name());
            } else if (item instanceof RouteGroupByContext c) {
                once.check("group_by", c);
                groupBy = names(c.nameList());
            } else if (item instanceof RouteGroupWaitContext c) {
                once.check("group_wait", c);
                groupWait = token(c.DURATION());
            } else if (item instanceof RouteGroupIntervalContext c) {
                once.check("group_interval", c);
                groupInterval = token(c.DURATION());
            } else if (item instanceof RouteRepeatIntervalContext c) {
                once.check("repeat_interval", c);
                repeatInterval = token(c.DURATION());
            } else if (item instanceof RouteChildContext c) {
                routes.add(route(c.routeDecl()));
            }
        }
        return new AlertmanagerNode.Route(matchers, receiver, groupBy, groupWait, groupInterval, repeatInterval,
                routes, at(ctx));
    }

    private AlertmanagerNode.Inhibit inhibit(AlertmanagerInhibitContext ctx) {
        Fields once = new Fields();
        List<Pair> source = List.of();
        List<Pair> target = List.of();
        List<Located<String>> equal = List.of();
        for (InhibitItemContext item : ctx.inhibitItem()) {
            if (item instanceof InhibitSourceContext c) {
                once.check("source", c);
                source = pairs(c.pair());
            } else if (item instanceof InhibitTargetContext c) {
                once.check("target", c);
                target = pairs(c.pair());
            } else if (item instanceof InhibitEqualContext c) {
                once.check("equal", c);
                equal = names(c.nameList());
            }
        }
        return new AlertmanagerNode.Inhibit(source, target, equal, at(ctx));
    }

    private List<Located<String>> names(NameListContext ctx) {
        return ctx.name().stream().map(this::name).toList();
    }

    private List<Located<String>> strings(StringListContext ctx) {
        return ctx.STRING().stream().map(s -> new Located<>(string(s), at(s))).toList();
    }

    private List<Pair> pairs(List<PairContext> pairs) {
        Map<String, SourceLocation> seen = new HashMap<>();
        List<Pair> result = new ArrayList<>();
        for (PairContext pair : pairs) {
            Located<String> name = name(pair.name());
            SourceLocation first = seen.putIfAbsent(name.value(), name.location());
            if (first != null) {
                throw new BadInputException(name.location(), "'" + name.value() + "' is set twice (first at line "
                        + first.line() + "); keep one");
            }
            result.add(new Pair(name, string(pair.STRING()), at(pair)));
        }
        return result;
    }

    private PromqlText promql(PromqlContext ctx) {
        Token token = ctx.PROMQL().getSymbol();
        String text = token.getText();
        return new PromqlText(text.substring(1, text.length() - 1),
                new SourceLocation(source, token.getLine(), token.getCharPositionInLine() + 2));
    }

    private Located<String> name(NameContext ctx) {
        return new Located<>(ctx.getText(), at(ctx));
    }

    private Located<String> number(NumberContext ctx) {
        return new Located<>(ctx.getText(), at(ctx));
    }

    private Located<String> token(TerminalNode node) {
        return new Located<>(node.getText(), at(node));
    }

    private Located<String> located(TerminalNode stringToken) {
        return new Located<>(string(stringToken), at(stringToken));
    }

    private String string(TerminalNode node) {
        String quoted = node.getText();
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = quoted.charAt(++i);
            switch (escaped) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                default:
                    SourceLocation start = at(node);
                    throw new BadInputException(new SourceLocation(source, start.line(), start.column() + i - 1),
                            "unknown escape '\\" + escaped + "' in string; use \\\", \\\\, \\n or \\t");
            }
        }
        return out.toString();
    }

    private SourceLocation at(ParserRuleContext ctx) {
        return at(ctx.getStart());
    }

    private SourceLocation at(TerminalNode node) {
        return at(node.getSymbol());
    }

    private SourceLocation at(Token token) {
        return new SourceLocation(source, token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** Remembers which single-valued fields a block has set, to reject a second one. */
    private final class Fields {
        private final Map<String, SourceLocation> seen = new HashMap<>();

        void check(String field, ParserRuleContext ctx) {
            SourceLocation first = seen.putIfAbsent(field, at(ctx));
            if (first != null) {
                throw new BadInputException(at(ctx), "'" + field + "' is set twice in this block (first at line "
                        + first.line() + "); keep one");
            }
        }
    }
}
