package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.familiesOnFile;
import static org.unionstats.letters.evaluation.Counties.growthRate;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.CountyFacts;

class OverallStandingTest {

    private final OverallStanding rule = new OverallStanding();

    @Test
    void theMeanPositionInTheRankingDecidesFrontMiddleOrBack() {
        // Positions (rank − 1) / (ranked − 1): 1st of 9 → 0, 3rd of 9 → 0.25; mean 0.125 ≤ 1/3.
        assertThat(rule.apply(district(List.of(members(183950).rankOf(1, 9), growthRate(0.013).rankOf(3, 9)))))
                .containsExactly("总体看，你区本季度参与全市排名的2项重点指标总体处于全市前列，各项工作推进有力。");
        // 1st of 3 → 0, 3rd of 3 → 1; mean 0.5.
        assertThat(rule.apply(district(List.of(members(183950).rankOf(1, 3), familiesOnFile(1236).rankOf(3, 3)))))
                .containsExactly("总体看，你区本季度参与全市排名的2项重点指标总体处于全市中游，有亮点也有短板。");
        // 7th of 9 → 0.75, 9th of 9 → 1; mean 0.875 ≥ 2/3.
        assertThat(rule.apply(district(List.of(members(41320).rankOf(7, 9), growthRate(-0.004).rankOf(9, 9)))))
                .containsExactly("总体看，你区本季度参与全市排名的2项重点指标总体排名靠后，工作推进力度有待加强。");
    }

    @Test
    void theThresholdsThemselvesBelongToFrontAndBack() {
        // 4th of 10 → 3/9 = 1/3: front.  7th of 10 → 6/9 = 2/3: back.
        assertThat(rule.apply(district(List.of(members(1).rankOf(4, 10))))).singleElement().asString().contains("前列");
        assertThat(rule.apply(district(List.of(members(1).rankOf(7, 10))))).singleElement().asString().contains("靠后");
    }

    @Test
    void aUnitWithoutFiguresCannotBeEvaluatedAndUnrankedFiguresSayNothing() {
        CountyFacts silent = new CountyFacts("130324", "卢龙县", false, List.of(), List.of(), List.of());
        assertThat(rule.apply(Counties.in(silent))).containsExactly("你县本季度没有可用的指标数据，无法对工作进行量化评价。");
        assertThat(rule.apply(district(List.of(members(183950))))).isEmpty();
        assertThat(rule.apply(district(List.of(members(183950).rankOf(1, 1))))).as("alone: no ranking").isEmpty();
    }
}
