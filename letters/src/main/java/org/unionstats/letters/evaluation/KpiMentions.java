package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Lists;

/** KPIs named in a sentence: 期末会员数（183,950人）、解困脱困率（18.3%，第3/3位）. */
final class KpiMentions {

    private KpiMentions() {}

    static String names(List<KpiFacts> kpis) {
        return Lists.of(kpis.stream().map(KpiFacts::nameZh).toList());
    }

    static String withValues(List<KpiFacts> kpis) {
        return Lists.of(kpis.stream().map(k -> k.nameZh() + "（" + value(k) + "）").toList());
    }

    static String withValuesAndRanks(List<KpiFacts> kpis) {
        return Lists.of(kpis.stream().map(k -> k.nameZh() + "（" + value(k) + "，" + rank(k) + "）").toList());
    }

    static String value(KpiFacts kpi) {
        return kpi.value() == null ? "无数据" : Figures.value(kpi.value(), kpi.unit());
    }

    static String rank(KpiFacts kpi) {
        return "第" + kpi.rank() + "/" + kpi.ranked() + "位";
    }
}
