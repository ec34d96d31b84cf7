package io.sloc.template;

import io.sloc.golang.fmt.GoPrintf;
import io.sloc.golang.fmt.GoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A Go struct value (such as Prometheus's alert template data): exported fields in declaration order. */
record GoStruct(Map<String, Object> fields) implements GoValue {
    GoStruct {
        fields = new LinkedHashMap<>(fields);
    }

    @Override
    public String goTypeName() {
        return fields.entrySet().stream().map(e -> e.getKey() + " " + GoValue.typeName(e.getValue()))
                .collect(Collectors.joining("; ", "struct { ", " }"));
    }

    @Override
    public String goString() {
        return fields.values().stream().map(GoPrintf::sprint).collect(Collectors.joining(" ", "{", "}"));
    }
}
