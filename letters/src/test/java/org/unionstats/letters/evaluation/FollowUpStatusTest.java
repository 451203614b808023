package org.unionstats.letters.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.letters.evaluation.Counties.district;
import static org.unionstats.letters.evaluation.Counties.members;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.ledger.FollowUp;
import org.unionstats.letters.ledger.LedgerItem;

/** E10 上季度督办事项: what the evaluation says of the previous quarter's items. */
class FollowUpStatusTest {

    private static FollowUp item(int n, String status, boolean overdue) {
        return new FollowUp(new LedgerItem("2024Q3-130302-0" + n, "P1", null, null, "加快推进……", "2024Q4"), status, null, overdue);
    }

    private static List<String> said(FollowUp... items) {
        CountyContext plain = district(List.of(members(1)));
        return new FollowUpStatus().apply(new CountyContext(plain.county(), plain.cityCode(), plain.cityName(), "2024Q4", List.of(items)));
    }

    @Test
    void unansweredAndOverdueItemsAreCountedWithARequest() {
        // 4 items: 1 closed; 2 open (both overdue); 1 answered, overdue: 3 overdue.
        assertThat(said(item(1, "closed", false), item(2, "open", true), item(3, "open", true), item(4, "answered", true)))
                .containsExactly("上季度督办的4项工作中，已办结1项，2项未反馈，3项逾期未办结，请抓紧办理并及时反馈（详见第五部分）。");
        assertThat(said(item(1, "answered", true))).containsExactly("上季度督办的1项工作中，已办结0项，1项逾期未办结，请抓紧办理并及时反馈（详见第五部分）。");
    }

    @Test
    void allClosedOrAllAnsweredInTime() {
        assertThat(said(item(1, "closed", false), item(2, "closed", false))).containsExactly("上季度督办的2项工作已全部办结。");
        assertThat(said(item(1, "closed", false), item(2, "answered", false))).containsExactly("上季度督办的2项工作均已反馈，其中已办结1项，其余正在办理。");
    }

    @Test
    void noItemsNothingSaid() {
        assertThat(new FollowUpStatus().apply(district(List.of(members(1))))).isEmpty();
    }
}
