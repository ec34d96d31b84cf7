package io.sloc.testsupport;

/**
 * Seeds for random differential tests: fixed by default so CI is repeatable; {@code SLOC_FUZZ_SEED} picks another
 * (any long, or {@code random} for a fresh one) to explore, and the seed in use is printed so a failure can be rerun.
 */
public final class FuzzSeed {
    private FuzzSeed() {
    }

    public static long orDefault(long fixed) {
        String chosen = System.getenv().getOrDefault("SLOC_FUZZ_SEED", "");
        long seed = chosen.isEmpty() ? fixed : chosen.equals("random") ? System.nanoTime() : Long.parseLong(chosen);
        System.out.println("fuzz seed " + seed + " (SLOC_FUZZ_SEED=" + seed + " reruns it)");
        return seed;
    }
}
