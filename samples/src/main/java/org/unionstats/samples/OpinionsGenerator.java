package org.unionstats.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.Region;

/**
 * The department opinions (部门意见) 秦皇岛市总工会 writes to its county-level unions each quarter, quoted in their
 * guidance letters, as the seeds describe the practice ("要提高信息工作的重视程度…"): one to three per county and quarter,
 * from the departments that follow each area of work, answered by the end of the next quarter (or of the same one, for
 * what cannot wait). Counties answer them through feedback once the letters are issued, so the sample holds none.
 */
final class OpinionsGenerator {

    /** A department and what it asks, with the KPI it is about (null for none). */
    private record Opinion(String department, String kpi, String text) {}

    private static final List<Opinion> OPINIONS = List.of(
            new Opinion("组织部", Achieved.MEMBERS_JOINED, "要加大新就业形态劳动者入会工作力度，集中开展快递、外卖、网约车行业入会行动，确保完成年度发展会员任务。"),
            new Opinion("组织部", null, "要推进基层工会规范化建设，按期做好换届选举，对未按期换届的基层工会逐一督促整改。"),
            new Opinion("组织部", Achieved.MEMBERS_END, "要及时做好会员实名制数据维护，会员转出、转入当月录入，确保会员数据真实准确。"),
            new Opinion("宣传教育部", null, "要提高信息工作的重视程度，明确专人负责，每季度至少报送两篇工作信息。"),
            new Opinion("宣传教育部", null, "要用好职工书屋和新媒体阵地，结合季度重点工作开展职工宣传教育活动，及时报送活动开展情况。"),
            new Opinion("权益保障部", Achieved.LIFTED_OUT, "要做好困难职工家庭建档立卡动态管理，对符合条件的家庭及时帮扶，按期完成解困脱困任务。"),
            new Opinion("权益保障部", null, "要深化集体协商和职代会建设，重点推进非公企业工资集体协商，年底前报送协商覆盖情况。"),
            new Opinion("经济技术部", Achieved.ENTRANTS, "要扩大劳动和技能竞赛覆盖面，组织县域重点项目和企业开展岗位练兵、技术比武，提高职工参赛率。"),
            new Opinion("经济技术部", null, "要做好劳模和工匠人才创新工作室的培育申报，按时报送推荐材料。"),
            new Opinion("办公室", null, "要按时、完整报送各类统计报表，报送前认真核对数据，减少被退回更正的情况。"));

    private final long seed;
    private final List<Period> periods;
    private final Catalog catalog;

    OpinionsGenerator(long seed, List<Period> periods, Catalog catalog) {
        this.seed = seed;
        this.periods = periods;
        this.catalog = catalog;
    }

    /** One group per quarter: 秦皇岛's opinions to each of its county-level units (none when 秦皇岛 is not in scope). */
    List<Group> opinions(List<CountyOrgs> counties) {
        List<Region> qinhuangdao = counties.stream().map(CountyOrgs::county)
                .filter(c -> TargetsGenerator.QINHUANGDAO.equals(c.cityCode())).toList();
        List<Group> out = new ArrayList<>();
        for (int q = 0; q < periods.size(); q++) {
            Period quarter = periods.get(q);
            if (quarter.type() != PeriodType.QUARTER || qinhuangdao.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Region county : qinhuangdao) {
                Rng rng = Rng.of(seed, "opinions", county.code(), quarter.canonical());
                List<Opinion> bank = new ArrayList<>(OPINIONS);
                int count = 1 + rng.nextInt(3);
                for (int i = 0; i < count; i++) {
                    Opinion opinion = bank.remove(rng.nextInt(bank.size()));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("issuer_code", TargetsGenerator.QINHUANGDAO);
                    row.put("department", opinion.department());
                    row.put("county_code", county.code());
                    row.put("kpi_id", opinion.kpi() == null ? null : rng.pick(catalog.kpiNames(opinion.kpi())));
                    row.put("text", opinion.text());
                    Period due = rng.chance(0.8) ? quarter.plus(1) : quarter;
                    row.put("due_period", rng.chance(0.6) ? due.canonical()
                            : due.year() + "年第" + "一二三四".charAt(due.index() - 1) + "季度");
                    rows.add(row);
                }
            }
            out.add(new Group(TargetsGenerator.QINHUANGDAO, quarter, q, RecordType.OPINIONS, List.copyOf(rows)));
        }
        return out;
    }
}
