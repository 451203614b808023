package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.Finding;

/** E8 数据质量 and P5, one priority per rule with findings. */
class DataQualityTest {

    private static final List<Finding> FINDINGS = List.of(
            new Finding("MEMBERS_BALANCE", "error", "130302", "期末会员数不平衡"),
            new Finding("BALANCE_MISMATCH", "warning", "130302-0001", "存量不衔接"),
            new Finding("BALANCE_MISMATCH", "warning", "130302-0002", "存量不衔接"),
            new Finding("NEW_RULE", "warning", "130302", "新规则"));

    @Test
    void countsErrorsAndNamesTheRules() {
        assertThat(new DataQuality().apply(district(List.of(members(1)), FINDINGS, List.of()))).containsExactly(
                "本季度数据质量检查发现4条问题（其中错误1条），涉及期末会员数与期初及变动数不平衡、报送的存量数与上次存量加其间变动不衔接、NEW_RULE，"
                        + "请逐条核实更正，确保数据真实准确（详见第四部分）。");
        assertThat(new DataQuality().apply(district(List.of(members(1)), FINDINGS.subList(1, 2), List.of()))).containsExactly(
                "本季度数据质量检查发现1条问题，涉及报送的存量数与上次存量加其间变动不衔接，请逐条核实更正，确保数据真实准确（详见第四部分）。");
        assertThat(new DataQuality().apply(district(List.of(members(1))))).isEmpty();
    }

    @Test
    void eachRuleWithFindingsIsAPriority() {
        assertThat(new FindingsPriority().apply(district(List.of(members(1)), FINDINGS, List.of()))).containsExactly(
                "核对会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内，解决“期末会员数与期初及变动数不平衡”问题（1条）。",
                "核对两次存量报告之间的会员变动或困难职工档案是否漏报、重报，以及存量数本身，解决“报送的存量数与上次存量加其间变动不衔接”问题（2条）。",
                "逐条核实相关数据并更正后重新报送，解决“NEW_RULE”问题（1条）。");
    }
}
