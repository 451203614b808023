package org.unionstats.validation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;

/** Rules across the cells of one row, per record type, and the submitter's authority over its orgs. */
final class RecordRules implements Serializable {

    private final RegionDirectory regions;

    RecordRules(RegionDirectory regions) {
        this.regions = regions;
    }

    /**
     * @param failed fields whose cell was refused already: rules about them would only repeat
     *     the complaint
     */
    void check(SubmissionPath sub, Map<String, Object> v, java.util.Set<String> failed, List<Violation> out) {
        Period p = sub.period();
        switch (sub.recordType()) {
            case ORG_UNITS -> {
                if (v.get("level") != null && !"province".equals(v.get("level")) && v.get("parent_org_code") == null
                        && !failed.contains("parent_org_code")) {
                    out.add(Violation.of("PARENT_REQUIRED", "parent_org_code",
                            "上级工会代码为必填项（仅省级工会可不填）", "parent_org_code is required for every union below a province"));
                }
                within(sub, (String) v.get("org_code"), "org_code", out);
            }
            case MEMBER_EVENTS -> {
                within(sub, (String) v.get("org_code"), "org_code", out);
                Integer birthYear = (Integer) v.get("birth_year");
                LocalDate date = (LocalDate) v.get("event_date");
                if (birthYear != null && date != null && (birthYear < 1940 || birthYear > date.getYear() - 14)) {
                    out.add(Violation.of("OUT_OF_RANGE", "birth_year",
                            "出生年份「" + birthYear + "」不合理，应在 1940 至 " + (date.getYear() - 14) + " 之间（入会须年满14岁）",
                            "birth_year " + birthYear + " is implausible; it must be between 1940 and " + (date.getYear() - 14)));
                }
            }
            case HARDSHIP_CASES -> {
                within(sub, (String) v.get("org_code"), "org_code", out);
                LocalDate filed = (LocalDate) v.get("filed_on");
                LocalDate lifted = (LocalDate) v.get("lifted_out_on");
                boolean liftedOut = "lifted_out".equals(v.get("status"));
                if (v.get("status") == null || failed.contains("lifted_out_on")) {
                    // Nothing to say about the lift-out date until status and date read cleanly.
                } else if (liftedOut && lifted == null) {
                    out.add(Violation.of("LIFTED_OUT_DATE_REQUIRED", "lifted_out_on",
                            "状态为「已解困脱困」时必须填写解困脱困日期", "lifted_out_on is required when status is lifted_out"));
                } else if (!liftedOut && lifted != null) {
                    out.add(Violation.of("LIFTED_OUT_DATE_NOT_ALLOWED", "lifted_out_on",
                            "只有状态为「已解困脱困」时才填写解困脱困日期（当前状态：" + v.get("status") + "）",
                            "lifted_out_on is only allowed when status is lifted_out (status is " + v.get("status") + ")"));
                }
                if (filed != null && lifted != null && lifted.isBefore(filed)) {
                    out.add(Violation.of("LIFTED_OUT_BEFORE_FILED", "lifted_out_on",
                            "解困脱困日期 " + lifted + " 早于建档日期 " + filed, "lifted_out_on " + lifted + " is before filed_on " + filed));
                }
            }
            case COMPETITIONS -> {
                within(sub, (String) v.get("organiser_org_code"), "organiser_org_code", out);
                LocalDate start = (LocalDate) v.get("start_date");
                LocalDate end = (LocalDate) v.get("end_date");
                if (start != null && end != null) {
                    if (end.isBefore(start)) {
                        out.add(Violation.of("END_BEFORE_START", "end_date",
                                "结束日期 " + end + " 早于开始日期 " + start, "end_date " + end + " is before start_date " + start));
                    } else if (!p.overlaps(start, end)) {
                        out.add(Violation.of("DATE_OUTSIDE_PERIOD", "start_date",
                                "竞赛日期 " + start + " 至 " + end + " 与报送期间 " + p + "（" + p.start() + " 至 " + p.end() + "）没有重叠",
                                "the competition (" + start + " to " + end + ") does not overlap the period " + p
                                        + " (" + p.start() + " to " + p.end() + ")"));
                    }
                }
            }
            case COMPETITION_ENTRIES -> { }
            case INDICATOR_REPORTS -> {
                within(sub, (String) v.get("org_code"), "org_code", out);
                BigDecimal value = (BigDecimal) v.get("value");
                if (value != null && value.signum() < 0) {
                    out.add(Violation.of("OUT_OF_RANGE", "value", "数值不能为负数：" + value.toPlainString(),
                            "value must not be negative: " + value.toPlainString()));
                }
            }
        }
    }

    /** A union may only report for orgs in its own subtree. */
    private void within(SubmissionPath sub, String orgCode, String column, List<Violation> out) {
        if (orgCode == null) {
            return;
        }
        // A basic-level union's authority is its county: the region part of its code.
        String authority = sub.submitter().substring(0, 6);
        String orgRegion = orgCode.substring(0, 6);
        if (orgRegion.equals(authority) || isAncestor(authority, orgRegion)) {
            return;
        }
        out.add(Violation.of("ORG_OUTSIDE_SUBMITTER", column,
                "工会「" + orgCode + "」不在报送单位 " + sub.submitter() + "（" + name(sub.submitter()) + "）的辖区内",
                "union '" + orgCode + "' is outside the area of the submitter " + sub.submitter()));
    }

    private boolean isAncestor(String ancestor, String code) {
        return regions.ancestors(code).stream().map(Region::code).anyMatch(ancestor::equals);
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    /** Dates tied to the submission's period by the column's period rule. */
    static void checkPeriodRule(String rule, String column, LocalDate date, Period p, List<Violation> out) {
        if (rule == null || date == null) {
            return;
        }
        if ("inside".equals(rule) && !p.contains(date)) {
            out.add(Violation.of("DATE_OUTSIDE_PERIOD", column,
                    column + " " + date + " 不在报送期间 " + p + "（" + p.start() + " 至 " + p.end() + "）内",
                    column + " " + date + " is outside the period " + p + " (" + p.start() + " to " + p.end() + ")"));
        } else if ("not_after_end".equals(rule) && date.isAfter(p.end())) {
            out.add(Violation.of("DATE_AFTER_PERIOD", column,
                    column + " " + date + " 晚于报送期间 " + p + " 的最后一天 " + p.end(),
                    column + " " + date + " is after the end of the period " + p + " (" + p.end() + ")"));
        }
    }
}
