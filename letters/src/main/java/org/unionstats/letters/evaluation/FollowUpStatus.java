package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.ledger.FollowUp;

/**
 * E10: how the items of the previous quarter's letter stand (the follow-up ledger): all closed, all answered, or how many
 * are unanswered and overdue, with a request to act (the items are listed in 五、上季度意见办理情况).
 */
public final class FollowUpStatus implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<FollowUp> items = county.followUps();
        if (items.isEmpty()) {
            return List.of();
        }
        long closed = items.stream().filter(f -> FollowUp.CLOSED.equals(f.status())).count();
        long open = items.stream().filter(f -> FollowUp.OPEN.equals(f.status())).count();
        long overdue = items.stream().filter(FollowUp::overdue).count();
        String lead = "上季度督办的" + items.size() + "项工作";
        if (closed == items.size()) {
            return List.of(lead + "已全部办结。");
        }
        if (open == 0 && overdue == 0) {
            return List.of(lead + "均已反馈，其中已办结" + closed + "项，其余正在办理。");
        }
        return List.of(lead + "中，已办结" + closed + "项" + (open > 0 ? "，" + open + "项未反馈" : "")
                + (overdue > 0 ? "，" + overdue + "项逾期未办结" : "") + "，请抓紧办理并及时反馈（详见第五部分）。");
    }
}
