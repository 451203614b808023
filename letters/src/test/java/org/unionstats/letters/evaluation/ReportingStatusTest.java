package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.facts.Reporting;

/** E9 报送情况 and P4, the priority it leads to. */
class ReportingStatusTest {

    private static final List<Reporting> PARTIAL = List.of(new Reporting("member_events", 1, 1, 1), new Reporting("hardship_cases", 1, 1, 0),
            new Reporting("indicator_reports", 1, 0, 0));
    private static final List<Reporting> NOTHING = List.of(new Reporting("member_events", 1, 0, 0), new Reporting("hardship_cases", 1, 0, 0),
            new Reporting("indicator_reports", 1, 0, 0));

    @Test
    void missingAndLateReportsWithTheRates() {
        // Received 2 of 3: 66.7 %; on time 1 of 3: 33.3 %.
        assertThat(new ReportingStatus().apply(district(List.of(members(1)), List.of(), PARTIAL))).containsExactly(
                "本季度应报会员变动、困难职工家庭档案、工作指标报表3类报表，其中工作指标报表未报送，困难职工家庭档案逾期报送，报送完整率66.7%、及时率33.3%，请严格按期报送。");
        assertThat(new ReportingStatus().apply(district(List.of(), List.of(), NOTHING))).containsExactly(
                "本季度应报会员变动、困难职工家庭档案、工作指标报表3类报表均未报送，报送完整率0.0%、及时率0.0%，请严格按期报送。");
    }

    @Test
    void allOnTimeOrOutsideTheScope() {
        assertThat(new ReportingStatus().apply(district(List.of(members(1)), List.of(), Counties.allOnTime())))
                .containsExactly("本季度会员变动、困难职工家庭档案、工作指标报表3类必报报表均按时报送。");
        assertThat(new ReportingStatus().apply(district(List.of(members(1))))).isEmpty();
    }

    @Test
    void whatCameLateOrNotAtAllIsAPriority() {
        assertThat(new ReportingPriority().apply(district(List.of(members(1)), List.of(), PARTIAL)))
                .containsExactly("按期报齐困难职工家庭档案、工作指标报表，确保统计数据完整、及时。");
        assertThat(new ReportingPriority().apply(district(List.of(members(1)), List.of(), Counties.allOnTime()))).isEmpty();
    }
}
