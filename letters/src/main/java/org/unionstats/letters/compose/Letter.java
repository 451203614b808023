package org.unionstats.letters.compose;

import java.util.List;

/**
 * One county's quarterly guidance letter (季度指导书), every word of it, for the renderers to lay out.
 *
 * @param heading the letterhead: 秦皇岛市总工会县区季度指导书
 * @param reference the letter's number: 2024Q3-130302
 * @param title 关于海港区总工会2024年第三季度工作的指导意见
 * @param addressee 海港区总工会：
 * @param opening the paragraph that says what the letter is
 * @param kpis 一、主要指标完成情况: the table's rows; empty when the county has no KPI value this quarter
 * @param kpiNotes what the table's figures mean, and whether targets were issued
 * @param evaluation 二、综合评价: one sentence per rule that applies
 * @param priorities 三、下季度工作重点
 * @param opinions 三 (二) 市总工会各部门意见: the department opinions for the quarter, numbered on from the priorities
 *     ({@link #OPINIONS_PART}); empty when there are none
 * @param reportingNotes 四、数据质量与报送情况: how each required report came in
 * @param findingNotes 四: the data-quality findings, as the KPI job wrote them
 * @param followUps 五、上季度意见办理情况: the counts, then each item of the previous quarter's letter with its status
 *     and the county's feedback; empty when that letter had no items in the ledger
 * @param closing the request to act and to report back
 * @param sender 秦皇岛市总工会
 * @param date 2024年10月15日
 * @param corrections for an issued edition rendered again: the figures the KPI tables have corrected since it was issued
 *     (自签发以来数据更正), after the letter as printed; empty otherwise
 */
public record Letter(String countyCode, String countyName, String cityCode, String cityName, String quarter, String heading,
        String reference, String title, String addressee, String opening, List<KpiRow> kpis, List<String> kpiNotes,
        List<String> evaluation, List<String> priorities, List<String> opinions, List<String> reportingNotes, List<String> findingNotes,
        List<String> followUps, String closing, String sender, String date, List<String> corrections) {

    public static final String KPI_SECTION = "一、主要指标完成情况";
    public static final String EVALUATION_SECTION = "二、综合评价";
    public static final String PRIORITIES_SECTION = "三、下季度工作重点";
    public static final String QUALITY_SECTION = "四、数据质量与报送情况";
    /** The sub-part of 三 that quotes the department opinions. */
    public static final String OPINIONS_PART = "市总工会各部门意见";
    public static final String FOLLOW_UP_SECTION = "五、上季度意见办理情况";
    /** The heading of the corrections appended to an issued edition. */
    public static final String CORRECTIONS_SECTION = "自签发以来数据更正";

    public Letter {
        kpis = List.copyOf(kpis);
        kpiNotes = List.copyOf(kpiNotes);
        evaluation = List.copyOf(evaluation);
        priorities = List.copyOf(priorities);
        opinions = List.copyOf(opinions);
        followUps = List.copyOf(followUps);
        reportingNotes = List.copyOf(reportingNotes);
        findingNotes = List.copyOf(findingNotes);
        corrections = List.copyOf(corrections);
    }

    /** What the county quotes when it reports back: the item numbers are the letter's number and the item's. */
    public String itemNote() {
        return "以上各项为本指导书的督办事项，反馈落实情况时请注明事项编号（指导书编号加序号，如" + reference + "-01）。";
    }

    public Letter withCorrections(List<String> moved) {
        return new Letter(countyCode, countyName, cityCode, cityName, quarter, heading, reference, title, addressee, opening, kpis, kpiNotes,
                evaluation, priorities, opinions, reportingNotes, findingNotes, followUps, closing, sender, date, moved);
    }

    /** The same words but for the date it is signed: issuing it again would print nothing new. */
    public boolean sameWordsAs(Letter other) {
        return withCorrections(List.of()).equals(new Letter(other.countyCode, other.countyName, other.cityCode, other.cityName, other.quarter,
                other.heading, other.reference, other.title, other.addressee, other.opening, other.kpis, other.kpiNotes, other.evaluation,
                other.priorities, other.opinions, other.reportingNotes, other.findingNotes, other.followUps, other.closing, other.sender, date,
                List.of()));
    }
}
