package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.facts.Reporting;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Lists;

/**
 * E9 报送情况: the required reports of the quarter, which were not received and which came after the deadline, with
 * the completeness and timeliness rates (received and on time over expected, summed over the record types); or that
 * all came on time. Nothing for a county outside the reporting scope.
 */
public final class ReportingStatus implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<Reporting> reporting = county.county().reporting();
        if (reporting.isEmpty()) {
            return List.of();
        }
        List<String> owed = reporting.stream().map(r -> RecordTypes.name(r.recordType())).toList();
        List<String> missing = reporting.stream().filter(Reporting::missing).map(r -> RecordTypes.name(r.recordType())).toList();
        List<String> late = reporting.stream().filter(Reporting::late).map(r -> RecordTypes.name(r.recordType())).toList();
        if (missing.isEmpty() && late.isEmpty()) {
            return List.of("本季度" + Lists.of(owed) + owed.size() + "类必报报表均按时报送。");
        }
        long expected = reporting.stream().mapToLong(Reporting::expected).sum();
        long received = reporting.stream().mapToLong(Reporting::received).sum();
        long onTime = reporting.stream().mapToLong(Reporting::onTime).sum();
        String rates = "，报送完整率" + Figures.percent(100.0 * received / expected) + "、及时率" + Figures.percent(100.0 * onTime / expected)
                + "，请严格按期报送。";
        String owedText = "本季度应报" + Lists.of(owed) + owed.size() + "类报表";
        if (missing.size() == owed.size()) {
            return List.of(owedText + "均未报送" + rates);
        }
        List<String> gaps = new ArrayList<>();
        if (!missing.isEmpty()) {
            gaps.add(Lists.of(missing) + "未报送");
        }
        if (!late.isEmpty()) {
            gaps.add(Lists.of(late) + "逾期报送");
        }
        return List.of(owedText + "，其中" + String.join("，", gaps) + rates);
    }
}
