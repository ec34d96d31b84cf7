package io.sloc.emit.rules;

import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.PerService;
import io.sloc.model.Service;
import io.sloc.model.Spec;

/** {@code rules/<service>.rules.yml}: one Prometheus rule file per service. */
public final class RulesEmitter implements Emitter {
    public static String path(Service service) {
        return "rules/" + service.name() + ".rules.yml";
    }

    @Override
    public void emit(Spec spec, OutputTree out) {
        PerService.emit(spec, out, (service, files) ->
                files.add(path(service), RuleFileWriter.write(RuleGenerator.generate(service))));
    }
}
