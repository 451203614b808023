package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.KpiFacts;

/**
 * E1 总体评价: where the county stands in the city over its ranked headline KPIs. Its standing is the mean of each
 * KPI's position in the ranking, (rank − 1) / (ranked − 1): 0 for first, 1 for last. Up to 1/3 is 前列, from 2/3 on
 * 靠后, in between 中游. A county without any KPI value in the quarter is told it cannot be evaluated.
 */
public final class OverallStanding implements LetterRule {

    static final double FRONT = 1.0 / 3;
    static final double BACK = 2.0 / 3;

    @Override
    public List<String> apply(CountyContext county) {
        if (county.county().kpis().stream().allMatch(k -> k.value() == null)) {
            return List.of(county.you() + "本季度没有可用的指标数据，无法对工作进行量化评价。");
        }
        List<KpiFacts> ranked = county.county().ranked();
        if (ranked.isEmpty()) {
            return List.of();
        }
        double standing = ranked.stream().mapToDouble(KpiFacts::rankPosition).average().orElseThrow();
        String measured = "总体看，" + county.you() + "本季度参与全市排名的" + ranked.size() + "项重点指标";
        if (standing <= FRONT) {
            return List.of(measured + "总体处于全市前列，各项工作推进有力。");
        }
        if (standing >= BACK) {
            return List.of(measured + "总体排名靠后，工作推进力度有待加强。");
        }
        return List.of(measured + "总体处于全市中游，有亮点也有短板。");
    }
}
