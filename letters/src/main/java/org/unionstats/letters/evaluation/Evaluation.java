package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a letter in the order it reads them (docs/letters.md): the evaluation's sentences (E1–E10) and the next
 * quarter's priorities (P1–P5, at most {@value #MAX_PRIORITIES}, in rule order; a county none applies to is asked to
 * consolidate).
 */
public final class Evaluation {

    static final int MAX_PRIORITIES = 6;
    static final String CONSOLIDATE = "巩固本季度工作成效，保持各项重点指标稳中有进。";

    private static final List<LetterRule> EVALUATION = List.of(new OverallStanding(), new FirstInCity(), new LastInCity(),
            new BottomQuarter(), Trend.onQuarter(), Trend.onYear(), new TargetPace(), new DataQuality(), new ReportingStatus(),
            new FollowUpStatus());

    /** The priority rules in order; rule i is P(i + 1). */
    private static final List<LetterRule> PRIORITIES = List.of(new BehindPacePriority(), new WeakestKpiPriority(),
            new DecliningKpiPriority(), new ReportingPriority(), new FindingsPriority());
    /** The source of the request to consolidate, which no rule makes. */
    public static final String CONSOLIDATE_SOURCE = "P0";

    /** A priority, the rule it comes from (P1–P5, or {@value #CONSOLIDATE_SOURCE}) and the KPI it is about, if any. */
    public record Priority(String rule, String text, String kpiId) {}

    private Evaluation() {}

    /** 二、综合评价. */
    public static List<String> evaluate(CountyContext county) {
        List<String> sentences = new ArrayList<>();
        EVALUATION.forEach(rule -> sentences.addAll(rule.apply(county)));
        return sentences;
    }

    /** 三、下季度工作重点. */
    public static List<String> priorities(CountyContext county) {
        return prioritiesByRule(county).stream().map(Priority::text).toList();
    }

    /** 三、下季度工作重点, each item with its rule: the items of the follow-up ledger. */
    public static List<Priority> prioritiesByRule(CountyContext county) {
        List<Priority> items = new ArrayList<>();
        for (int r = 0; r < PRIORITIES.size(); r++) {
            String rule = "P" + (r + 1);
            PRIORITIES.get(r).requests(county).forEach(q -> items.add(new Priority(rule, q.text(), q.kpiId())));
        }
        if (items.isEmpty()) {
            return List.of(new Priority(CONSOLIDATE_SOURCE, CONSOLIDATE, null));
        }
        return List.copyOf(items.subList(0, Math.min(items.size(), MAX_PRIORITIES)));
    }
}
