package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.Better;
import org.unionstats.letters.facts.Target;

/** E7 目标任务 and P1, the priority it leads to. */
class TargetPaceTest {

    // 78 of 120 unions: 65.0 %, where an even pace would be at 75.0 % by the end of the third quarter.
    private static final Counties.Kpi ESTABLISHED = Counties.Kpi.of("unions_established", "新建工会组织数", "union_orgs", Better.UP, 78)
            .target(new Target("130300", "2024", 120, 78.0, 65.0, 75.0, false));
    private static final Counties.Kpi MEMBERS = members(183950).target(new Target("130300", "2024", 185000, 183950.0, 99.4, 75.0, true));

    @Test
    void aTargetBehindPaceThenTheKpisOnPace() {
        assertThat(new TargetPace().apply(district(List.of(MEMBERS, ESTABLISHED)))).containsExactly(
                "新建工会组织数2024年目标120个，完成65.0%，低于序时进度75.0%，需加快进度、确保完成。",
                "期末会员数目标任务完成情况达到序时进度。");
    }

    @Test
    void aKpiIsOnPaceOnlyWhenAllItsTargetsAre() {
        Counties.Kpi twoTargets = members(15480).target(new Target("130300", "2024", 16200, 15480.0, 95.6, 75.0, true))
                .target(new Target("130000", "2024H2", 16500, 15480.0, 40.0, 50.0, false));
        assertThat(new TargetPace().apply(district(List.of(twoTargets))))
                .containsExactly("期末会员数2024年下半年目标16,500人，完成40.0%，低于序时进度50.0%，需加快进度、确保完成。");
    }

    @Test
    void unknownPaceAndNoTargetsSayNothing() {
        Counties.Kpi unknown = members(183950).target(new Target("130300", "2024", 185000, null, null, null, null));
        assertThat(new TargetPace().apply(district(List.of(unknown)))).isEmpty();
        assertThat(new TargetPace().apply(district(List.of(members(183950))))).isEmpty();
    }

    @Test
    void behindPaceIsTheFirstPriority() {
        assertThat(new BehindPacePriority().apply(district(List.of(MEMBERS, ESTABLISHED))))
                .containsExactly("加快推进新建工会组织数目标任务：2024年目标120个，完成65.0%，低于序时进度75.0%。");
        assertThat(new BehindPacePriority().apply(district(List.of(MEMBERS)))).isEmpty();
        assertThat(new BehindPacePriority().requests(district(List.of(MEMBERS, ESTABLISHED)))).extracting(LetterRule.Request::kpiId)
                .containsExactly("unions_established");
    }
}
