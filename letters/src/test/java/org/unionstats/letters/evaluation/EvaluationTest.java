package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.Finding;

/** The rules together: the evaluation in rule order; at most six priorities, or the request to consolidate. */
class EvaluationTest {

    @Test
    void atMostSixPrioritiesInRuleOrder() {
        // Seven rules with findings: seven P5 items, six kept.
        List<Finding> findings = List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7").stream()
                .map(rule -> new Finding(rule, "warning", "130302", rule)).toList();
        List<String> priorities = Evaluation.priorities(district(List.of(members(1)), findings, Counties.allOnTime()));
        assertThat(priorities).hasSize(Evaluation.MAX_PRIORITIES).last().asString().contains("“R6”");
    }

    @Test
    void aCountyNoRuleAppliesToIsAskedToConsolidate() {
        assertThat(Evaluation.priorities(district(List.of(members(183950).rankOf(2, 3)), List.of(), Counties.allOnTime())))
                .containsExactly("巩固本季度工作成效，保持各项重点指标稳中有进。");
    }

    @Test
    void theEvaluationReadsTheRulesInOrder() {
        List<String> evaluation = Evaluation.evaluate(district(List.of(members(183950).rankOf(1, 3).changes(2350.0, null)), List.of(),
                Counties.allOnTime()));
        assertThat(evaluation).containsExactly(
                "总体看，你区本季度参与全市排名的1项重点指标总体处于全市前列，各项工作推进有力。",
                "期末会员数（183,950人）居全市首位，要认真总结经验、继续保持。",
                "与上季度相比，期末会员数1项指标向好。",
                "本季度会员变动、困难职工家庭档案、工作指标报表3类必报报表均按时报送。");
    }
}
