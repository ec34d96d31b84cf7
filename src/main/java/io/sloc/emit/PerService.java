package io.sloc.emit;

import io.sloc.model.Service;
import io.sloc.model.Spec;
import java.util.function.BiConsumer;

/**
 * Runs an emitter's work for every service in parallel: services are independent, and most of a large compile is
 * per-service work (rule files, dashboards, alert-behaviour tests). Each service's files go to a tree of their own,
 * merged in spec order, so the output (and which of two clashing paths is reported) is that of a sequential run.
 */
public final class PerService {
    private PerService() {
    }

    public static void emit(Spec spec, OutputTree out, BiConsumer<Service, OutputTree> work) {
        spec.services().parallelStream().map(service -> {
            OutputTree files = new OutputTree();
            work.accept(service, files);
            return files;
        }).toList().forEach(out::addAll);
    }
}
