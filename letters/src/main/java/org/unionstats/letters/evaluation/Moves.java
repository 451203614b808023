package org.unionstats.letters.evaluation;

import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.text.Figures;

/**
 * Whether a KPI moved the better or the worse way (its catalogue direction), leaving out changes a letter shows as
 * 持平 (too small for its precision) and changes it cannot know.
 */
final class Moves {

    private Moves() {}

    static boolean better(KpiFacts kpi, Double change) {
        return change != null && !Figures.unchanged(change, kpi.unit()) && kpi.better().improves(change);
    }

    static boolean worse(KpiFacts kpi, Double change) {
        return change != null && !Figures.unchanged(change, kpi.unit()) && kpi.better().worsens(change);
    }
}
