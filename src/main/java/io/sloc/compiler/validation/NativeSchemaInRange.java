package io.sloc.compiler.validation;

import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.model.ExponentialBuckets;
import java.math.BigDecimal;

/** A native histogram's {@code schema} is a whole number Prometheus accepts for exponential buckets: -4 to 8. */
public final class NativeSchemaInRange implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                if (slo.sli() instanceof SliNode.Latency latency && latency.schema() != null) {
                    BigDecimal schema = Values.number(latency.schema());
                    if (schema.stripTrailingZeros().scale() > 0
                            || schema.compareTo(BigDecimal.valueOf(ExponentialBuckets.MIN_SCHEMA)) < 0
                            || schema.compareTo(BigDecimal.valueOf(ExponentialBuckets.MAX_SCHEMA)) > 0) {
                        diagnostics.error(latency.schema().location(), "schema " + latency.schema().value()
                                + " is not a native histogram schema: use a whole number from "
                                + ExponentialBuckets.MIN_SCHEMA + " to " + ExponentialBuckets.MAX_SCHEMA
                                + " (the Go client's bucket factor 1.1 is schema 3, the Java client's default 5)");
                    }
                }
            }
        }
    }
}
