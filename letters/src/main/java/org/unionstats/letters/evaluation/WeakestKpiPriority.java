package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.text.Lists;

/**
 * P2: the weakest headline KPIs, last in the city or in its bottom quarter, furthest down first, at most
 * {@value #MAX}; a KPI whose target is behind pace is left to P1. Each item asks for the work behind the KPIs
 * ({@link WorkAreas}; KPIs of one work area make one item) with their values and ranks.
 */
public final class WeakestKpiPriority implements LetterRule {

    static final int MAX = 3;

    @Override
    public List<String> apply(CountyContext county) {
        return requests(county).stream().map(Request::text).toList();
    }

    /** Each item about the first KPI it names: the furthest down of its work area. */
    @Override
    public List<Request> requests(CountyContext county) {
        Map<String, List<KpiFacts>> byWork = new LinkedHashMap<>();
        weakest(county).forEach(k -> byWork.computeIfAbsent(WorkAreas.of(k.kpiId()), w -> new ArrayList<>()).add(k));
        return byWork.entrySet().stream()
                .map(e -> new Request(e.getKey() + "，补齐" + Lists.of(e.getValue().stream().map(WeakestKpiPriority::mention).toList())
                        + "短板。", e.getValue().get(0).kpiId()))
                .toList();
    }

    /** The KPIs this rule names. */
    static List<KpiFacts> weakest(CountyContext county) {
        return county.county().ranked().stream()
                .filter(k -> (k.isLast() || k.bottomQuarter()) && !BehindPacePriority.covers(k))
                .sorted(Comparator.comparingDouble(KpiFacts::rankPosition).reversed())
                .limit(MAX)
                .toList();
    }

    private static String mention(KpiFacts k) {
        return k.nameZh() + "（本季度" + KpiMentions.value(k) + "，居全市" + KpiMentions.rank(k) + "）";
    }
}
