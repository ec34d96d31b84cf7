package io.sloc.compiler;

import io.sloc.compiler.validation.SloDefaults;
import io.sloc.compiler.validation.SpecContext;
import io.sloc.compiler.validation.Values;
import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.AlertmanagerNode;
import io.sloc.dsl.ast.DashboardNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PrometheusNode;
import io.sloc.dsl.ast.RunbookNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import io.sloc.model.AlertRule;
import io.sloc.model.AlertmanagerSetup;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Dashboard;
import io.sloc.model.IntegrationKind;
import io.sloc.model.Objective;
import io.sloc.model.Panel;
import io.sloc.model.PanelType;
import io.sloc.model.PrometheusSetup;
import io.sloc.model.RecordingRule;
import io.sloc.model.Runbook;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds the model from specs the semantic rules have accepted: defaults applied, references resolved. */
final class ModelBuilder {
    /** Prometheus's own defaults for the intervals a {@code prometheus} block leaves out. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final String DEFAULT_METRICS_PATH = "/metrics";
    /** Where runbooks are, seen from the rule files, when no base URL is configured. */
    static final String RELATIVE_RUNBOOK_BASE = "../runbooks";

    private final SpecContext spec;
    private final CompileOptions options;

    ModelBuilder(SpecContext spec, CompileOptions options) {
        this.spec = spec;
        this.options = options;
    }

    Spec build() {
        List<Service> services = spec.services().stream().map(this::service)
                .sorted(Comparator.comparing(Service::name)).toList();
        List<Runbook> runbooks = spec.runbooks().stream().map(ModelBuilder::runbook)
                .sorted(Comparator.comparing(Runbook::name)).toList();
        return new Spec(services, runbooks, spec.prometheus().stream().findFirst().map(ModelBuilder::prometheus),
                spec.alertmanagers().stream().findFirst().map(ModelBuilder::alertmanager));
    }

    private static PrometheusSetup prometheus(PrometheusNode node) {
        List<PrometheusSetup.ScrapeJob> jobs = node.scrapes().stream().map(s -> new PrometheusSetup.ScrapeJob(
                s.job().value(), s.targets().stream().map(Located::value).toList(),
                s.metricsPath() == null ? DEFAULT_METRICS_PATH : s.metricsPath().value(),
                Optional.ofNullable(s.interval()).map(Values::duration))).toList();
        return new PrometheusSetup(orDefault(node.scrapeInterval(), DEFAULT_INTERVAL),
                orDefault(node.evaluationInterval(), DEFAULT_INTERVAL),
                Optional.ofNullable(node.retention()).map(Values::duration),
                node.retention() == null ? node.location() : node.retention().location(), pairs(node.externalLabels()),
                node.alertmanagers().stream().map(Located::value).toList(), jobs, node.location());
    }

    private static AlertmanagerSetup alertmanager(AlertmanagerNode node) {
        List<AlertmanagerSetup.Receiver> receivers = node.receivers().stream()
                .map(r -> new AlertmanagerSetup.Receiver(r.name().value(), r.integrations().stream()
                        .map(i -> new AlertmanagerSetup.Integration(
                                IntegrationKind.forSpecName(i.kind().value()).orElseThrow(), pairs(i.settings())))
                        .toList(), r.location()))
                .toList();
        List<AlertmanagerSetup.InhibitRule> inhibitions = node.inhibits().stream()
                .map(i -> new AlertmanagerSetup.InhibitRule(pairs(i.source()), pairs(i.target()),
                        i.equal().stream().map(Located::value).toList()))
                .toList();
        return new AlertmanagerSetup(receivers, route(node.routes().get(0)), inhibitions, node.location());
    }

    private static AlertmanagerSetup.Route route(AlertmanagerNode.Route node) {
        return new AlertmanagerSetup.Route(pairs(node.matchers()),
                Optional.ofNullable(node.receiver()).map(Located::value),
                node.groupBy().stream().map(Located::value).toList(),
                Optional.ofNullable(node.groupWait()).map(Values::duration),
                Optional.ofNullable(node.groupInterval()).map(Values::duration),
                Optional.ofNullable(node.repeatInterval()).map(Values::duration),
                node.routes().stream().map(ModelBuilder::route).toList(), node.location());
    }

    private Service service(ServiceNode node) {
        SortedMap<String, String> labels = pairs(node.labels());
        List<Slo> slos = node.slos().stream().map(slo -> slo(node, slo)).toList();
        List<AlertRule> alerts = node.alerts().stream().map(alert -> alert(node, labels, alert)).toList();
        List<RecordingRule> records = node.records().stream()
                .map(r -> new RecordingRule(r.name().value(), spec.promql(r.expr()), r.location())).toList();
        Optional<Dashboard> dashboard = Optional.ofNullable(node.dashboard()).map(d -> dashboard(node, d));
        return new Service(node.name().value(), labels, slos, alerts, records, dashboard, node.location());
    }

    private Slo slo(ServiceNode service, SloNode node) {
        Duration period = SloDefaults.period(node);
        Objective objective = new Objective(Values.percent(node.objective()));
        Optional<BurnRatePolicy> policy = spec.effectivePolicy(node).map(p -> policy(p, period));
        return new Slo(node.name().value(), value(node.description()), objective, period, sli(node.sli()),
                node.groupBy().stream().map(Located::value).toList(), policy,
                runbookUrl(service, node.runbook()), pairs(node.labels()), node.location());
    }

    private Sli sli(SliNode node) {
        if (node instanceof SliNode.Ratio ratio) {
            boolean countsErrors = ratio.errors() != null;
            return new Sli.Ratio(spec.promql(countsErrors ? ratio.errors() : ratio.good()), countsErrors,
                    spec.promql(ratio.total()));
        }
        if (node instanceof SliNode.Latency latency) {
            Duration threshold = Values.duration(latency.threshold());
            BigDecimal seconds = BigDecimal.valueOf(threshold.toMillis()).movePointLeft(3).stripTrailingZeros();
            return latency.nativeHistogram() != null
                    ? new Sli.NativeLatency(spec.promql(latency.nativeHistogram()), seconds, SloDefaults.schema(latency))
                    : new Sli.Latency(spec.promql(latency.histogram()), seconds);
        }
        return new Sli.Availability(spec.promql(((SliNode.Availability) node).gauge()));
    }

    private static BurnRatePolicy policy(PolicyNode node, Duration period) {
        List<BurnRateWindow> windows = node.windows().stream().map(w -> window(node, w, period)).toList();
        return new BurnRatePolicy(node.name() == null ? "inline" : node.name().value(), windows,
                Optional.ofNullable(node.minTraffic()).map(Values::number), pairs(node.labels()),
                pairs(node.annotations()), Optional.ofNullable(node.alertName()).map(Located::value));
    }

    private static BurnRateWindow window(PolicyNode policy, WindowNode node, Duration period) {
        Duration longWindow = Values.window(node.longWindow());
        BigDecimal share = node.budget() != null ? BurnFactors.share(Values.percent(node.budget()))
                : BurnFactors.shareOf(Values.number(node.factor()), period, longWindow);
        BigDecimal factor = BurnFactors.factor(share, period, longWindow);
        SortedMap<String, String> labels = new TreeMap<>(pairs(policy.labels()));
        labels.putAll(pairs(node.labels()));
        SortedMap<String, String> annotations = new TreeMap<>(pairs(policy.annotations()));
        annotations.putAll(pairs(node.annotations()));
        return new BurnRateWindow(share, factor, longWindow, Values.window(node.shortWindow()),
                node.severity().value(), duration(node.forDuration(), policy.forDuration()),
                duration(node.keepFiringFor(), policy.keepFiringFor()), labels, annotations);
    }

    private AlertRule alert(ServiceNode service, SortedMap<String, String> serviceLabels, AlertNode node) {
        SortedMap<String, String> labels = new TreeMap<>(serviceLabels);
        labels.putAll(pairs(node.labels()));
        labels.put("service", service.name().value());
        labels.put("slo", node.slo().value());
        labels.put("severity", node.severity().value());
        SortedMap<String, String> annotations = new TreeMap<>(pairs(node.annotations()));
        runbookUrl(service, node.runbook()).ifPresent(url -> annotations.put("runbook_url", url));
        return new AlertRule(node.name().value(), spec.promql(node.expr()), duration(node.forDuration(), null),
                duration(node.keepFiringFor(), null), labels, annotations, node.location());
    }

    private Optional<String> runbookUrl(ServiceNode service, Located<String> runbook) {
        if (runbook == null) {
            return Optional.empty();
        }
        String base = options.runbookBaseUrl()
                .orElse(service.runbookBaseUrl() == null ? RELATIVE_RUNBOOK_BASE : service.runbookBaseUrl().value());
        return Optional.of(base.replaceAll("/+$", "") + "/" + runbook.value() + ".md");
    }

    private static Runbook runbook(RunbookNode node) {
        return new Runbook(node.name().value(), value(node.title()).orElse(node.name().value()),
                value(node.description()), node.steps().stream().map(Located::value).toList());
    }

    private Dashboard dashboard(ServiceNode service, DashboardNode node) {
        return new Dashboard(value(node.title()).orElse(service.name().value()), node.rows().stream()
                .map(row -> new Dashboard.Row(row.title(), row.panels().stream().map(this::panel).toList()))
                .toList());
    }

    private Panel panel(DashboardNode.Panel node) {
        List<Panel.PanelQuery> queries = node.queries().stream()
                .map(q -> new Panel.PanelQuery(spec.promql(q.expr()), Optional.ofNullable(q.legend()))).toList();
        Optional<Panel.Thresholds> thresholds = Optional.ofNullable(node.thresholds())
                .map(t -> new Panel.Thresholds(t.baseColour(), t.steps().stream()
                        .map(s -> new Panel.Step(Values.number(s.value()), s.colour())).toList()));
        return new Panel(PanelType.fromGrafanaId(node.type().value()).orElseThrow(), node.title(),
                value(node.description()), queries, value(node.unit()),
                Optional.ofNullable(node.min()).map(Values::number), Optional.ofNullable(node.max()).map(Values::number),
                node.width() == null ? OptionalInt.empty() : OptionalInt.of(Values.number(node.width()).intValue()),
                thresholds, node.location());
    }

    private static Optional<String> value(Located<String> optional) {
        return Optional.ofNullable(optional).map(Located::value);
    }

    private static Duration duration(Located<String> own, Located<String> inherited) {
        Located<String> text = own != null ? own : inherited;
        return text == null ? Duration.ZERO : Values.duration(text);
    }

    private static Duration orDefault(Located<String> text, Duration absent) {
        return text == null ? absent : Values.duration(text);
    }

    private static SortedMap<String, String> pairs(List<Pair> pairs) {
        SortedMap<String, String> map = new TreeMap<>();
        pairs.forEach(p -> map.put(p.name().value(), p.value()));
        return map;
    }
}
