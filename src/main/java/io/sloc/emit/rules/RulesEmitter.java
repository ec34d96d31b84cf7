package io.sloc.emit.rules;

import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.PerService;
import io.sloc.model.Service;
import io.sloc.model.Spec;

/**
 * {@code rules/<service>.rules.yml}: one Prometheus rule file per service; and, as {@link RuleFormat} says,
 * the same groups as a {@code PrometheusRule} object or a ruler namespace file per service.
 */
public final class RulesEmitter implements Emitter {
    private final RuleOutput output;

    public RulesEmitter(RuleOutput output) {
        this.output = output;
    }

    public static String path(Service service) {
        return "rules/" + service.name() + ".rules.yml";
    }

    @Override
    public void emit(Spec spec, OutputTree out) {
        PerService.emit(spec, out, (service, files) -> {
            GeneratedRuleFile rules = RuleGenerator.generate(output.names(), service);
            files.add(path(service), RuleFileWriter.write(rules));
            switch (output.format()) {
                case RULES -> { }
                case PROMETHEUSRULE -> files.add("prometheusrule/" + service.name() + ".yaml",
                        RuleFileWriter.writePrometheusRule(service.name(), rules, output));
                case MIMIR -> files.add("mimir/" + service.name() + ".yaml",
                        RuleFileWriter.writeRulerNamespace(service.name(), rules));
            }
        });
    }
}
