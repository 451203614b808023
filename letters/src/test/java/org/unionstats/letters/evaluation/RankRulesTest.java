package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.entrantsPer100;
import static org.unionstats.letters.evaluation.Counties.familiesOnFile;
import static org.unionstats.letters.evaluation.Counties.growthRate;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;

/** E2 居全市首位, E3 居全市末位, E4 位于全市后四分之一. */
class RankRulesTest {

    private final CountyContext county = district(List.of(members(183950).rankOf(1, 9), growthRate(0.0129).rankOf(1, 9),
            familiesOnFile(1236).rankOf(9, 9).inBottomQuarter(), entrantsPer100(3.1).rankOf(8, 9).inBottomQuarter()));

    @Test
    void firstInTheCity() {
        assertThat(new FirstInCity().apply(county))
                .containsExactly("期末会员数（183,950人）、会员增长率（1.3%）居全市首位，要认真总结经验、继续保持。");
    }

    @Test
    void lastInTheCity() {
        assertThat(new LastInCity().apply(county))
                .containsExactly("期末在档困难职工户数（1,236户，第9/9位）居全市末位，是本季度的突出短板，需要重点加力。");
    }

    @Test
    void inTheBottomQuarterButNotLast() {
        assertThat(new BottomQuarter().apply(county))
                .containsExactly("每百名会员参赛人数（3.1人，第8/9位）位于全市后四分之一，需加快追赶。");
    }

    @Test
    void aMiddleRankOrAUnitAloneSaysNothing() {
        CountyContext middle = district(List.of(members(90000).rankOf(5, 9), growthRate(0.01).rankOf(1, 1)));
        assertThat(new FirstInCity().apply(middle)).isEmpty();
        assertThat(new LastInCity().apply(middle)).isEmpty();
        assertThat(new BottomQuarter().apply(middle)).isEmpty();
    }
}
