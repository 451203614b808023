package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.KpiFacts;

/** E2 居全市首位: the headline KPIs the county ranks first on, among at least two ranked units. */
public final class FirstInCity implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<KpiFacts> first = county.county().ranked().stream().filter(k -> k.rank() == 1).toList();
        if (first.isEmpty()) {
            return List.of();
        }
        return List.of(KpiMentions.withValues(first) + "居全市首位，要认真总结经验、继续保持。");
    }
}
