package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.facts.Target;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Lists;
import org.unionstats.letters.text.Quarters;

/**
 * E7 目标任务: one sentence for each target behind the expected pace (its KPI, period, value, attainment and pace),
 * then one naming the KPIs whose every target keeps pace. Targets whose pace is unknown are left out; a county without
 * targets hears nothing here (the KPI table says 本季度未下达目标任务).
 */
public final class TargetPace implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<String> sentences = new ArrayList<>();
        List<String> onPace = new ArrayList<>();
        for (KpiFacts kpi : county.county().kpis()) {
            for (Target t : kpi.targets()) {
                if (t.behindPace()) {
                    sentences.add(kpi.nameZh() + progress(kpi, t) + "，需加快进度、确保完成。");
                }
            }
            if (!kpi.targets().isEmpty() && kpi.targets().stream().allMatch(t -> Boolean.TRUE.equals(t.onPace()))) {
                onPace.add(kpi.nameZh());
            }
        }
        if (!onPace.isEmpty()) {
            sentences.add(Lists.of(onPace) + "目标任务完成情况达到序时进度。");
        }
        return sentences;
    }

    /** A target behind pace and how far the county has come: 2024年目标190,000人，完成72.5%，低于序时进度75.0%. */
    static String progress(KpiFacts kpi, Target t) {
        return Quarters.targetPeriod(t.targetPeriod()) + "目标" + Figures.value(t.targetValue(), kpi.unit())
                + (t.attainmentPct() == null ? "" : "，完成" + Figures.percent(t.attainmentPct()))
                + (t.expectedPacePct() == null ? "，落后于序时进度" : "，低于序时进度" + Figures.percent(t.expectedPacePct()));
    }
}
