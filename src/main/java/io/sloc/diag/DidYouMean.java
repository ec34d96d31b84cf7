package io.sloc.diag;

import java.util.Collection;
import java.util.Optional;

/**
 * The nearest of the words a user could have meant: a misspelt command, option or keyword within two edits
 * (insertions, deletions, substitutions) of one of them. Ties go to the candidate listed first, so answers are
 * deterministic.
 */
public final class DidYouMean {
    private static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    /** The candidate nearest to {@code typed}, when one is at most two edits away and not {@code typed} itself. */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance > 0 && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'compile'?"}, or nothing. */
    public static String hint(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).map(word -> "; did you mean '" + word + "'?").orElse("");
    }

    /** Levenshtein distance, one row at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
