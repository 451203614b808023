package org.unionstats.letters.evaluation;

import java.util.Map;

/**
 * The KPI job's data-quality rules (dq_findings.rule_id) as a letter names them, and what the county is asked to do
 * about each. A rule not listed is named by its id and gets the general request.
 */
public final class FindingRules {

    record Wording(String name, String request) {}

    private static final Map<String, Wording> RULES = Map.of(
            "MEMBERS_BALANCE", new Wording("期末会员数与期初及变动数不平衡",
                    "核对会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内"),
            "BALANCE_MISMATCH", new Wording("报送的存量数与上次存量加其间变动不衔接",
                    "核对两次存量报告之间的会员变动或困难职工档案是否漏报、重报，以及存量数本身"),
            "LIFTED_OUT_EXCEEDS_CASELOAD", new Wording("解困脱困户数超过期内帮扶对象",
                    "核对困难职工档案的建档日期、脱困日期和档案状态"),
            "WORKFORCE_BELOW_MEMBERS", new Wording("职工人数少于会员数",
                    "核对工作指标中的职工人数是否只报了部分单位，以及会员变动是否重复入会、漏报退会"),
            "OUTLIER_GROWTH_RATE", new Wording("会员增长率明显偏离全市水平",
                    "核实会员变动是否漏报、重复报送或把存量会员当作新入会录入，确有集中入会的在反馈中说明"),
            "OUTLIER_LIFT_OUT_RATE", new Wording("解困脱困率明显偏离全市水平",
                    "核实困难职工档案的脱困日期、建档日期和在档状态，防止“数字脱困”或漏报新建档家庭"));

    private static final String GENERAL_REQUEST = "逐条核实相关数据并更正后重新报送";

    private FindingRules() {}

    public static String name(String ruleId) {
        return RULES.containsKey(ruleId) ? RULES.get(ruleId).name() : ruleId;
    }

    public static String request(String ruleId) {
        return RULES.containsKey(ruleId) ? RULES.get(ruleId).request() : GENERAL_REQUEST;
    }
}
