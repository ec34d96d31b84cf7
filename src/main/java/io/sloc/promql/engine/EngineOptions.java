package io.sloc.promql.engine;

import io.sloc.promql.PromqlProfile;
import java.util.Objects;

/**
 * Engine settings. Defaults are those of Prometheus's test scripts: 5m lookback, 1m default subquery step, no sample
 * limit ({@code maxSamples == 0}), the v2.42 profile.
 */
public record EngineOptions(long lookbackDeltaMs, long defaultSubqueryStepMs, int maxSamples, PromqlProfile profile) {
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000L;

    public EngineOptions {
        Objects.requireNonNull(profile, "profile");
        if (lookbackDeltaMs <= 0 || defaultSubqueryStepMs <= 0 || maxSamples < 0) {
            throw new IllegalArgumentException("lookback and subquery step must be positive, maxSamples >= 0");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(DEFAULT_LOOKBACK_MS, 60_000L, 0, PromqlProfile.V2_42);
    }

    public EngineOptions withLookbackDeltaMs(long ms) {
        return new EngineOptions(ms, defaultSubqueryStepMs, maxSamples, profile);
    }

    public EngineOptions withDefaultSubqueryStepMs(long ms) {
        return new EngineOptions(lookbackDeltaMs, ms, maxSamples, profile);
    }

    public EngineOptions withMaxSamples(int max) {
        return new EngineOptions(lookbackDeltaMs, defaultSubqueryStepMs, max, profile);
    }
}
