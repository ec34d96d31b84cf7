package io.sloc.promql.script;

import io.sloc.promql.value.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names of the native histograms with custom buckets that {@code load_with_nhcb} derives from classic series. */
final class NativeHistogramNames {
    private NativeHistogramNames() {
    }

    /** {@code x_bucket{le="1",a="b"}} belongs to the native histogram {@code x{a="b"}}. */
    static Labels customBucketsSeries(Labels bucket) {
        Map<String, String> labels = new LinkedHashMap<>(bucket.toMap());
        labels.remove("le");
        String name = labels.get("__name__");
        labels.put("__name__", name.substring(0, name.length() - "_bucket".length()));
        return Labels.of(labels);
    }
}
