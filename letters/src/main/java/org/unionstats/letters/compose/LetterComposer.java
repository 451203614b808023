package org.unionstats.letters.compose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionstats.letters.evaluation.CountyContext;
import org.unionstats.letters.evaluation.Evaluation;
import org.unionstats.letters.evaluation.RecordTypes;
import org.unionstats.letters.facts.CityFacts;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.facts.Finding;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.facts.Reporting;
import org.unionstats.letters.facts.Target;
import org.unionstats.letters.ledger.Ledger;
import org.unionstats.letters.ledger.Opinion;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Quarters;

/** Writes the letters of a city: every county-level unit's facts, evaluated by the rules, in the words of a letter. */
public final class LetterComposer {

    /** What a county without any target for the quarter is told. */
    public static final String NO_TARGETS = "本季度未下达目标任务。";

    /** The findings a letter lists one by one; the rest are counted. */
    static final int MAX_FINDINGS_LISTED = 10;

    private static final String NONE = "—";

    private final LocalDate date;

    /** @param date the date the letters are signed */
    public LetterComposer(LocalDate date) {
        this.date = date;
    }

    public List<Letter> compose(CityFacts city) {
        return compose(city, Ledger.EMPTY);
    }

    /** The letters with the department opinions of the quarter and how the previous quarter's items stand. */
    public List<Letter> compose(CityFacts city, Ledger ledger) {
        return city.counties().stream().map(c -> compose(new CountyContext(c, city.code(), city.name(), city.quarter(),
                ledger.followUps(c.code())), ledger.opinions(c.code()))).toList();
    }

    Letter compose(CountyContext c) {
        return compose(c, List.of());
    }

    private Letter compose(CountyContext c, List<Opinion> opinions) {
        CountyFacts county = c.county();
        String quarter = Quarters.label(c.quarter());
        return new Letter(county.code(), county.name(), c.cityCode(), c.cityName(), c.quarter(),
                c.cityUnion() + "县区季度指导书",
                c.quarter() + "-" + county.code(),
                "关于" + c.countyUnion() + quarter + "工作的指导意见",
                c.countyUnion() + "：",
                "根据各县（区）总工会报送的" + quarter + "统计数据，" + c.cityUnion() + "对" + c.you()
                        + "本季度工作进行了分析评价。现将主要指标完成情况、综合评价和下季度工作重点通知如下，请认真研究落实。",
                county.kpis().stream().map(LetterComposer::row).toList(),
                kpiNotes(c),
                Evaluation.evaluate(c),
                Evaluation.priorities(c),
                opinions.stream().map(LetterComposer::opinion).toList(),
                reportingNotes(county),
                findingNotes(county),
                FollowUps.lines(c.followUps()),
                "请" + c.you() + "总工会对照上述意见，认真研究落实措施，明确主体责任，并于" + Quarters.next(c.quarter()) + "内将落实情况书面反馈"
                        + c.cityUnion() + "。",
                c.cityUnion(),
                Quarters.date(date),
                List.of());
    }

    /** 组织部：要……（2024年第四季度内办结） */
    static String opinion(Opinion o) {
        return o.department() + "：" + o.text() + "（" + Quarters.label(o.dueQuarter()) + "内办结）";
    }

    /** A KPI's row of the table, as a letter prints it. */
    public static KpiRow row(KpiFacts k) {
        Optional<Target> target = k.target();
        return new KpiRow(k.nameZh(),
                k.value() == null ? NONE : Figures.value(k.value(), k.unit()),
                k.changeOnQuarter() == null ? NONE : Figures.change(k.changeOnQuarter(), k.unit()),
                k.changeOnYear() == null ? NONE : Figures.change(k.changeOnYear(), k.unit()),
                k.rank() == null || k.ranked() == null ? NONE : "第" + k.rank() + "/" + k.ranked() + "位",
                target.map(t -> Quarters.targetPeriod(t.targetPeriod()) + " " + Figures.value(t.targetValue(), k.unit())).orElse(NONE),
                target.map(Target::attainmentPct).map(Figures::percent).orElse(NONE),
                target.filter(t -> t.expectedPacePct() != null)
                        .map(t -> Figures.percent(t.expectedPacePct()) + (t.behindPace() ? "（落后）" : "")).orElse(NONE));
    }

    private static List<String> kpiNotes(CountyContext c) {
        List<String> notes = new ArrayList<>();
        if (c.county().kpis().isEmpty()) {
            notes.add(c.you() + "本季度没有指标数据（未报送或尚未计算）。");
        } else {
            int ranked = c.county().kpis().stream().filter(k -> k.ranked() != null).mapToInt(KpiFacts::ranked).max().orElse(0);
            String example = ranked >= 2 ? "，“第2/" + ranked + "位”即" + ranked + "个参与排名单位中的第2位" : "";
            notes.add("全市排名为" + c.cityName() + "各县级单位同一指标由好到差的名次（1为最好" + example
                    + "）；较上季度、较上年同期为本季度值与比较期值之差，比率类指标以百分点计。");
        }
        notes.add(c.county().hasTargets() ? "完成率为截至本季度末的完成值占目标值的比例，序时进度为按时间均衡推进到本季度末应完成的比例。" : NO_TARGETS);
        return notes;
    }

    private static List<String> reportingNotes(CountyFacts county) {
        if (county.reporting().isEmpty()) {
            return List.of("本单位未纳入报送完整性统计范围。");
        }
        return county.reporting().stream().map(r -> RecordTypes.name(r.recordType()) + "：" + status(r)).toList();
    }

    private static String status(Reporting r) {
        if (r.missing()) {
            return "未报送";
        }
        return r.late() ? "逾期报送" : "按时报送";
    }

    private static List<String> findingNotes(CountyFacts county) {
        List<Finding> findings = county.findings();
        if (findings.isEmpty()) {
            return List.of("本季度未发现数据质量问题。");
        }
        List<String> notes = new ArrayList<>();
        findings.stream().limit(MAX_FINDINGS_LISTED).forEach(f -> notes.add((f.isError() ? "【错误】" : "【提示】") + f.messageZh()));
        if (findings.size() > MAX_FINDINGS_LISTED) {
            notes.add("另有" + Figures.count(findings.size() - MAX_FINDINGS_LISTED) + "条，详见“数据质量与报送”看板。");
        }
        return notes;
    }
}
