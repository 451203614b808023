package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.entrantsPer100;
import static org.unionstats.letters.evaluation.Counties.familiesOnFile;
import static org.unionstats.letters.evaluation.Counties.growthRate;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.Better;
import org.unionstats.letters.facts.Target;

/** P2 the weakest KPIs, P3 the KPIs declining on the quarter and on the year. */
class WeakKpiPrioritiesTest {

    @Test
    void theWeakestFurthestDownFirstAtMostThreeOneItemPerWorkArea() {
        // Positions: growth rate 9/9 → 1, entrants per 100 8/9 → 0.875, members 7/9 → 0.75 (bottom quarter),
        // families 7/9 → 0.75 (bottom quarter) but a fourth: left out.
        CountyContext county = district(List.of(members(41320).rankOf(7, 9).inBottomQuarter(), growthRate(-0.0043).rankOf(9, 9),
                familiesOnFile(402).rankOf(7, 9).inBottomQuarter(), entrantsPer100(3.1).rankOf(8, 9).inBottomQuarter()));
        assertThat(new WeakestKpiPriority().apply(county)).containsExactly(
                "深入开展建会入会集中行动，扩大工会组织覆盖，做好会员发展和会籍管理，补齐会员增长率（本季度−0.4%，居全市第9/9位）、"
                        + "期末会员数（本季度41,320人，居全市第7/9位）短板。",
                "广泛开展劳动和技能竞赛，扩大企业和职工参与面，补齐每百名会员参赛人数（本季度3.1人，居全市第8/9位）短板。");
        // Each item is about the first KPI it names: the ledger keeps it.
        assertThat(new WeakestKpiPriority().requests(county)).extracting(LetterRule.Request::kpiId)
                .containsExactly("members_growth_rate", "competition_participation_per_100_members");
    }

    @Test
    void aWeakKpiBehindPaceIsLeftToItsTarget() {
        CountyContext county = district(List.of(members(41320).rankOf(9, 9).target(new Target("130300", "2024", 45000, 41320.0, 91.8, 100.0, false))));
        assertThat(new WeakestKpiPriority().apply(county)).isEmpty();
    }

    @Test
    void decliningOnBothUnlessAnEarlierPriorityNamesIt() {
        // Members −180 and −580: down both times; families +4 and +22: up both times, where fewer is better.
        // Entrants improved on the quarter: not declining.
        CountyContext county = district(List.of(members(41320).changes(-180.0, -580.0).rankOf(2, 3),
                familiesOnFile(402).changes(4.0, 22.0).rankOf(2, 3), entrantsPer100(3.1).changes(0.3, -0.9).rankOf(2, 3)));
        assertThat(new DecliningKpiPriority().apply(county)).containsExactly(
                "扭转期末会员数下降势头（较上季度−180人，较上年同期−580人），深入开展建会入会集中行动，扩大工会组织覆盖，做好会员发展和会籍管理。",
                "扭转期末在档困难职工户数上升势头（较上季度+4户，较上年同期+22户），做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困。");
        assertThat(new DecliningKpiPriority().requests(county)).extracting(LetterRule.Request::kpiId)
                .containsExactly("members_end", "hardship_on_file_end");
    }

    @Test
    void theWorkP2AlreadyAsksForIsNotAskedTwice() {
        // The growth rate is last in the city and declining: P2 names it, and with it the membership work that the
        // declining members at the end would otherwise ask for again.
        CountyContext county = district(List.of(members(41320).changes(-180.0, -580.0).rankOf(2, 3),
                growthRate(-0.0043).changes(-0.0053, -0.0063).rankOf(3, 3)));
        assertThat(new DecliningKpiPriority().apply(county)).containsExactly("扭转期末会员数下降势头（较上季度−180人，较上年同期−580人）。");
    }

    @Test
    void aWeakKpiBeyondTheThreeNamedIsStillADeclineToReverse() {
        // Four KPIs last or in the bottom quarter; families on file (7/9, 0.75) is the fourth: P2 leaves it out, P3 names it.
        CountyContext county = district(List.of(growthRate(-0.0043).rankOf(9, 9), entrantsPer100(3.1).rankOf(8, 9).inBottomQuarter(),
                members(41320).rankOf(7, 9).inBottomQuarter(), familiesOnFile(402).changes(4.0, 22.0).rankOf(7, 9).inBottomQuarter()));
        assertThat(new DecliningKpiPriority().apply(county)).containsExactly(
                "扭转期末在档困难职工户数上升势头（较上季度+4户，较上年同期+22户），做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困。");
    }

    @Test
    void aKpiWithoutDirectionNeverDeclines() {
        CountyContext county = district(List.of(Counties.Kpi.of("workforce", "职工人数", "persons", Better.NONE, 150000).changes(-500.0, -900.0)));
        assertThat(new DecliningKpiPriority().apply(county)).isEmpty();
    }
}
