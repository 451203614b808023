package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Lists;

/**
 * P3: headline KPIs that moved the worse way both on the previous quarter and on the year, unless P1 or P2 already
 * names them: 扭转……下降势头 (上升势头 for a KPI where less is better), with both changes, and the work behind them
 * ({@link WorkAreas}; KPIs of one work area make one item) unless P2 already asks for that work.
 */
public final class DecliningKpiPriority implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        return requests(county).stream().map(Request::text).toList();
    }

    /** Each item about the first KPI it names. */
    @Override
    public List<Request> requests(CountyContext county) {
        List<KpiFacts> weakest = WeakestKpiPriority.weakest(county);
        Set<String> askedFor = weakest.stream().map(k -> WorkAreas.of(k.kpiId())).collect(Collectors.toSet());
        Map<String, List<KpiFacts>> byWork = new LinkedHashMap<>();
        county.county().headline().stream()
                .filter(k -> Moves.worse(k, k.changeOnQuarter()) && Moves.worse(k, k.changeOnYear()))
                .filter(k -> !BehindPacePriority.covers(k) && !weakest.contains(k))
                .forEach(k -> byWork.computeIfAbsent(WorkAreas.of(k.kpiId()), w -> new ArrayList<>()).add(k));
        return byWork.entrySet().stream()
                .map(e -> new Request("扭转" + Lists.of(e.getValue().stream().map(DecliningKpiPriority::mention).toList())
                        + (askedFor.contains(e.getKey()) ? "" : "，" + e.getKey()) + "。", e.getValue().get(0).kpiId()))
                .toList();
    }

    private static String mention(KpiFacts k) {
        return k.nameZh() + (k.changeOnQuarter() < 0 ? "下降" : "上升") + "势头（较上季度" + Figures.change(k.changeOnQuarter(), k.unit())
                + "，较上年同期" + Figures.change(k.changeOnYear(), k.unit()) + "）";
    }
}
