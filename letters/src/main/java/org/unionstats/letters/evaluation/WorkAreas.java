package org.unionstats.letters.evaluation;

import java.util.Map;

/**
 * The work behind each headline KPI, as a next quarter's priority asks for it. A KPI not listed (a new one on the
 * scorecard, or one a target was issued for) gets the general wording.
 */
public final class WorkAreas {

    private static final String MEMBERSHIP = "深入开展建会入会集中行动，扩大工会组织覆盖，做好会员发展和会籍管理";
    private static final String COMPETITIONS = "广泛开展劳动和技能竞赛，扩大企业和职工参与面";

    private static final Map<String, String> WORK = Map.of(
            "members_end", MEMBERSHIP,
            "members_net_growth", MEMBERSHIP,
            "members_growth_rate", MEMBERSHIP,
            "new_form_members_joined", "推进快递员、外卖送餐员、网约车司机等新就业形态劳动者集中入会",
            "hardship_on_file_end", "做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困",
            "hardship_lift_out_rate", "落实困难职工帮扶措施，提高解困脱困成效，防止“数字脱困”",
            "competition_entrants", COMPETITIONS,
            "competition_participation_per_100_members", COMPETITIONS);

    private static final String GENERAL = "研究制定针对性措施，狠抓工作落实";

    private WorkAreas() {}

    public static String of(String kpiId) {
        return WORK.getOrDefault(kpiId, GENERAL);
    }
}
