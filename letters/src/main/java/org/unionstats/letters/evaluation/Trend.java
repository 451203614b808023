package org.unionstats.letters.evaluation;

import java.util.List;
import java.util.function.Function;
import org.unionstats.letters.facts.KpiFacts;

/**
 * E5 较上季度, E6 较上年同期: which headline KPIs moved the better way (a rise of a KPI where more is better, a fall of
 * one where less is better, as the catalogue's {@code better} says) and which the worse way, on the previous quarter or
 * on the same quarter a year earlier. KPIs without a direction, without a comparable value, or whose change the letter
 * shows as 持平 are left out; nothing is said when none is left.
 */
public final class Trend implements LetterRule {

    private final String against;
    private final Function<KpiFacts, Double> change;

    private Trend(String against, Function<KpiFacts, Double> change) {
        this.against = against;
        this.change = change;
    }

    public static Trend onQuarter() {
        return new Trend("与上季度相比", KpiFacts::changeOnQuarter);
    }

    public static Trend onYear() {
        return new Trend("与上年同期相比", KpiFacts::changeOnYear);
    }

    @Override
    public List<String> apply(CountyContext county) {
        List<KpiFacts> headline = county.county().headline();
        List<KpiFacts> better = headline.stream().filter(k -> Moves.better(k, change.apply(k))).toList();
        List<KpiFacts> worse = headline.stream().filter(k -> Moves.worse(k, change.apply(k))).toList();
        if (better.isEmpty() && worse.isEmpty()) {
            return List.of();
        }
        String improved = better.isEmpty() ? "" : KpiMentions.names(better) + better.size() + "项指标向好";
        String declined = worse.isEmpty() ? "" : KpiMentions.names(worse) + worse.size() + "项指标有所退步，需查找原因、及时改进";
        String both = improved.isEmpty() || declined.isEmpty() ? improved + declined : improved + "；" + declined;
        return List.of(against + "，" + both + "。");
    }
}
