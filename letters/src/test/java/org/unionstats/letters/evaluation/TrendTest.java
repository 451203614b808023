package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.entrantsPer100;
import static org.unionstats.letters.evaluation.Counties.familiesOnFile;
import static org.unionstats.letters.evaluation.Counties.growthRate;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;

/** E5 较上季度, E6 较上年同期. */
class TrendTest {

    @Test
    void progressByEachKpisDirection() {
        // Members +2,350 (up: better); families on file −74 (down: better); entrants per 100 −0.6 (up: worse).
        CountyContext county = district(List.of(members(183950).changes(2350.0, 7750.0), familiesOnFile(1236).changes(-74.0, 46.0),
                entrantsPer100(12.4).changes(-0.6, 2.3)));
        assertThat(Trend.onQuarter().apply(county)).containsExactly(
                "与上季度相比，期末会员数、期末在档困难职工户数2项指标向好；每百名会员参赛人数1项指标有所退步，需查找原因、及时改进。");
        // On the year: members +7,750 better, families +46 worse, entrants +2.3 better.
        assertThat(Trend.onYear().apply(county)).containsExactly(
                "与上年同期相比，期末会员数、每百名会员参赛人数2项指标向好；期末在档困难职工户数1项指标有所退步，需查找原因、及时改进。");
    }

    @Test
    void onlyProgressOrOnlySetbacks() {
        assertThat(Trend.onQuarter().apply(district(List.of(members(183950).changes(2350.0, null)))))
                .containsExactly("与上季度相比，期末会员数1项指标向好。");
        assertThat(Trend.onQuarter().apply(district(List.of(members(41320).changes(-180.0, null), growthRate(-0.0043).changes(-0.0053, null)))))
                .containsExactly("与上季度相比，期末会员数、会员增长率2项指标有所退步，需查找原因、及时改进。");
    }

    @Test
    void changesTheLetterShowsAsUnchangedAndUnknownOnesAreLeftOut() {
        // A rate up by 0.0004 is +0.04 points: shown as 持平. No comparable value a year earlier: nothing to say.
        CountyContext county = district(List.of(growthRate(0.0051).changes(0.0004, null), familiesOnFile(85).changes(0.0, null)));
        assertThat(Trend.onQuarter().apply(county)).isEmpty();
        assertThat(Trend.onYear().apply(county)).isEmpty();
    }
}
