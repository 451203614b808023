package org.unionstats.validation;

import java.util.Collection;
import java.util.Optional;

/** Suggests the accepted label nearest to a mistyped one (人会 → 入会). */
final class LabelSuggester {

    private LabelSuggester() {}

    static Optional<String> suggest(String written, Collection<String> labels) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String label : labels) {
            int d = distance(written, label);
            if (d < bestDistance) {
                best = label;
                bestDistance = d;
            }
        }
        // One edit in a short label is a typo; more is another word.
        return bestDistance >= 1 && bestDistance <= Math.max(1, written.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
