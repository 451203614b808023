package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.Reporting;
import org.unionstats.letters.text.Lists;

/** P4: reports not received or received late this quarter are to come in full and on time next quarter. */
public final class ReportingPriority implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<String> gaps = county.county().reporting().stream().filter(r -> r.missing() || r.late())
                .map(r -> RecordTypes.name(r.recordType())).toList();
        if (gaps.isEmpty()) {
            return List.of();
        }
        return List.of("按期报齐" + Lists.of(gaps) + "，确保统计数据完整、及时。");
    }
}
