package org.unionstats.letters.compose;

import java.util.List;

/** One row of a letter's KPI table, as written: 期末会员数 | 183,950人 | +2,350人 | … ("—" where there is nothing). */
public record KpiRow(String name, String value, String changeOnQuarter, String changeOnYear, String rank, String target,
        String attainment, String pace) {

    /** The column headings, in the order of the components. */
    public static final List<String> HEADINGS = List.of("指标", "本季度", "较上季度", "较上年同期", "全市排名", "目标", "完成率", "序时进度");

    public List<String> cells() {
        return List.of(name, value, changeOnQuarter, changeOnYear, rank, target, attainment, pace);
    }
}
