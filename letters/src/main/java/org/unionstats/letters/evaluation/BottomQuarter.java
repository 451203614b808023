package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.KpiFacts;

/**
 * E4 位于全市后四分之一: the headline KPIs the scorecard flags in the city's bottom quarter (rank above three quarters
 * of the units ranked, when at least four are), but not last (E3 speaks of those).
 */
public final class BottomQuarter implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<KpiFacts> bottom = county.county().ranked().stream().filter(k -> k.bottomQuarter() && !k.isLast()).toList();
        if (bottom.isEmpty()) {
            return List.of();
        }
        return List.of(KpiMentions.withValuesAndRanks(bottom) + "位于全市后四分之一，需加快追赶。");
    }
}
