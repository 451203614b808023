package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.KpiFacts;

/** E3 居全市末位: the headline KPIs the county alone ranks last on (rank = units ranked, at least two). */
public final class LastInCity implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<KpiFacts> last = county.county().ranked().stream().filter(KpiFacts::isLast).toList();
        if (last.isEmpty()) {
            return List.of();
        }
        return List.of(KpiMentions.withValuesAndRanks(last) + "居全市末位，是本季度的突出短板，需要重点加力。");
    }
}
