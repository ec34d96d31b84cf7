package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.Dashboard;
import io.sloc.model.Maps;
import io.sloc.model.PanelType;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the spec (SLO count, SLI kind, grouping, policies, declared panels), every dashboard is valid and sound.
 */
class RandomSpecDashboardsTest {
    private static GrafanaSchemas schemas;

    @BeforeContainer
    static void loadSchemas() {
        schemas = GrafanaSchemas.relaxed();
    }

    @Property(tries = 40)
    void everyGeneratedDashboardIsSchemaValidAndStructurallySound(@ForAll("specs") Spec spec) throws IOException {
        for (Map.Entry<String, JsonNode> dashboard : DashboardEmitterTest.dashboards(DashboardEmitterTest.emit(spec)).entrySet()) {
            assertThat(schemas.errors(dashboard.getValue())).as(dashboard.getKey()).isEmpty();
            assertThat(DashboardStructure.problems(dashboard.getValue())).as(dashboard.getKey()).isEmpty();
        }
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<List<String>> groupBy = Arbitraries.subsetOf("route", "method", "code").map(ArrayList::new);
        Arbitrary<Optional<BurnRatePolicy>> policies = Arbitraries.of(
                Optional.empty(), Optional.of(ModelFixtures.workbook()),
                Optional.of(new BurnRatePolicy("one", List.of(ModelFixtures.window("0.05", "36", Duration.ofHours(1),
                        Duration.ofMinutes(5), "page")), Optional.empty(), Maps.sorted(Map.of()), Maps.sorted(Map.of()),
                        Optional.empty())));
        Arbitrary<String> objectives = Arbitraries.of("90", "99", "99.5", "99.95", "99.999");
        Arbitrary<Sli> nativeLatencies = Combinators.combine(
                Arbitraries.of("http_request_duration_seconds", "rpc_seconds{job=\"api\", route!=\"/health\"}"),
                Arbitraries.of("0.005", "0.1", "0.25", "0.3", "2"), Arbitraries.integers().between(-4, 8))
                .as(ModelFixtures::nativeLatency);
        Arbitrary<Sli> slis = Arbitraries.oneOf(Arbitraries.just(new Sli.Availability(ModelFixtures.promql("up"))),
                nativeLatencies);
        Arbitrary<Slo> slos = Combinators.combine(names, objectives, slis, groupBy, policies)
                .as((name, objective, sli, groups, policy) -> ModelFixtures.slo(name, objective, sli, groups, policy));
        Arbitrary<io.sloc.model.Panel> panels = Combinators.combine(Arbitraries.of(PanelType.class), names)
                .as((type, title) -> ModelFixtures.panel(type, title, "sum(up)", "{{job}}", Optional.empty()));
        Arbitrary<Optional<Dashboard>> dashboards = panels.list().ofMaxSize(7)
                .map(list -> list.isEmpty() ? Optional.empty()
                        : Optional.of(new Dashboard("custom", List.of(new Dashboard.Row("declared", list)))));
        Arbitrary<Service> services = Combinators.combine(names, slos.list().ofMaxSize(4).uniqueElements(Slo::name), dashboards)
                .as((name, list, dashboard) -> new Service(name, Maps.sorted(Map.of()), list, List.of(),
                        List.of(), dashboard, ModelFixtures.HERE));
        return services.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Service::name).map(list -> new Spec(list, List.of(), Optional.empty(), Optional.empty()));
    }
}
