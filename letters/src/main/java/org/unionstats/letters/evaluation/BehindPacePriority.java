package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.facts.Target;

/** P1: every target behind the expected pace is a priority: 加快推进……目标任务. */
public final class BehindPacePriority implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        return requests(county).stream().map(Request::text).toList();
    }

    @Override
    public List<Request> requests(CountyContext county) {
        List<Request> items = new ArrayList<>();
        for (KpiFacts kpi : county.county().kpis()) {
            for (Target t : kpi.targets()) {
                if (t.behindPace()) {
                    items.add(new Request("加快推进" + kpi.nameZh() + "目标任务：" + TargetPace.progress(kpi, t) + "。", kpi.kpiId()));
                }
            }
        }
        return items;
    }

    static boolean covers(KpiFacts kpi) {
        return kpi.targets().stream().anyMatch(Target::behindPace);
    }
}
