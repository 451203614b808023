package org.unionstats.letters.compose;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.ledger.FollowUp;
import org.unionstats.letters.text.Quarters;

/**
 * 五、上季度意见办理情况: the counts of the previous quarter's items by status, then each item with its status and the
 * county's latest feedback, shortened.
 */
final class FollowUps {

    /** The most characters of an item's or a feedback's text the section quotes, ellipsis included. */
    static final int ITEM_CHARS = 40;
    static final int FEEDBACK_CHARS = 60;

    private FollowUps() {}

    static List<String> lines(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return List.of();
        }
        long closed = followUps.stream().filter(f -> FollowUp.CLOSED.equals(f.status())).count();
        long answered = followUps.stream().filter(f -> FollowUp.ANSWERED.equals(f.status())).count();
        long open = followUps.stream().filter(f -> FollowUp.OPEN.equals(f.status())).count();
        long overdue = followUps.stream().filter(FollowUp::overdue).count();
        List<String> lines = new ArrayList<>();
        lines.add("上季度指导书所列工作共" + followUps.size() + "项，已办结" + closed + "项，已答复" + answered + "项，未反馈" + open + "项，逾期"
                + overdue + "项。");
        for (FollowUp f : followUps) {
            String source = f.item().department() != null ? f.item().department() + "意见" : "工作重点";
            String status = switch (f.status()) {
                case FollowUp.CLOSED -> "已办结";
                case FollowUp.ANSWERED -> "已答复";
                default -> "未反馈";
            };
            String due = f.overdue() ? "，已逾期（办结时限" + Quarters.label(f.item().dueQuarter()) + "）" : "";
            String feedback = f.feedbackText() == null ? "" : "反馈：" + shortened(f.feedbackText(), FEEDBACK_CHARS);
            lines.add(f.item().itemId() + "（" + source + "）" + shortened(f.item().text(), ITEM_CHARS) + "——" + status + due + "。" + feedback);
        }
        return lines;
    }

    /** At most {@code limit} characters, the last an ellipsis when cut. */
    static String shortened(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
