package org.unionstats.validation;

import org.unionstats.warehouse.quarantine.QuarantineCode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.unionstats.contract.LetterItemId;
import org.unionstats.contract.SourceColumn;
import org.unionstats.contract.TargetKpi;
import org.unionstats.contract.TargetKpis;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;
import org.unionstats.submission.SubmissionPath;

/** Rules across the cells of one row, per record type, and the submitter's authority over its orgs. */
final class RecordRules implements Serializable {

    private final RegionDirectory regions;
    private final TargetKpis targetKpis;

    RecordRules(RegionDirectory regions, TargetKpis targetKpis) {
        this.regions = regions;
        this.targetKpis = targetKpis;
    }

    /**
     * @param failed fields whose cell was refused already: rules about them would only repeat
     *     the complaint
     * @param refs what rows may refer to (the items feedback answers)
     */
    void check(SubmissionPath sub, Map<String, Object> v, java.util.Set<String> failed, ReferenceCodes refs, List<Violation> out) {
        Period p = sub.period();
        switch (sub.recordType()) {
            case ORG_UNITS -> {
                if (v.get("level") != null && !"province".equals(v.get("level")) && v.get("parent_org_code") == null
                        && !failed.contains("parent_org_code")) {
                    out.add(Violation.of(QuarantineCode.PARENT_REQUIRED, "parent_org_code", Map.of()));
                }
                within(sub, (String) v.get("org_code"), "org_code", out);
            }
            case MEMBER_EVENTS -> {
                within(sub, (String) v.get("org_code"), "org_code", out);
                Integer birthYear = (Integer) v.get("birth_year");
                LocalDate date = (LocalDate) v.get("event_date");
                if (birthYear != null && date != null && (birthYear < 1940 || birthYear > date.getYear() - 14)) {
                    out.add(Violation.of(QuarantineCode.BIRTH_YEAR_IMPLAUSIBLE, "birth_year",
                            Map.of("value", birthYear, "latest", date.getYear() - 14)));
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
                    out.add(Violation.of(QuarantineCode.LIFTED_OUT_DATE_REQUIRED, "lifted_out_on", Map.of()));
                } else if (!liftedOut && lifted != null) {
                    out.add(Violation.of(QuarantineCode.LIFTED_OUT_DATE_NOT_ALLOWED, "lifted_out_on", Map.of("status", String.valueOf(v.get("status")))));
                }
                if (filed != null && lifted != null && lifted.isBefore(filed)) {
                    out.add(Violation.of(QuarantineCode.LIFTED_OUT_BEFORE_FILED, "lifted_out_on", Map.of("lifted", lifted, "filed", filed)));
                }
            }
            case BALANCES -> within(sub, (String) v.get("org_code"), "org_code", out);
            case COMPETITIONS -> {
                within(sub, (String) v.get("organiser_org_code"), "organiser_org_code", out);
                LocalDate start = (LocalDate) v.get("start_date");
                LocalDate end = (LocalDate) v.get("end_date");
                if (start != null && end != null) {
                    if (end.isBefore(start)) {
                        out.add(Violation.of(QuarantineCode.END_BEFORE_START, "end_date", Map.of("end", end, "start", start)));
                    } else if (!p.overlaps(start, end)) {
                        out.add(Violation.of(QuarantineCode.COMPETITION_OUTSIDE_PERIOD, "start_date", Map.of("start", start, "end", end,
                                "period", p, "period_start", p.start(), "period_end", p.end())));
                    }
                }
            }
            case COMPETITION_ENTRIES -> { }
            case INDICATOR_REPORTS -> {
                within(sub, (String) v.get("org_code"), "org_code", out);
                BigDecimal value = (BigDecimal) v.get("value");
                if (value != null && value.signum() < 0) {
                    out.add(Violation.of(QuarantineCode.NEGATIVE_VALUE, "value", Map.of("value", value.toPlainString())));
                }
            }
            case TARGETS -> {
                String issuer = (String) v.get("issuer_code");
                within(sub, issuer, "issuer_code", out);
                above(issuer, (String) v.get("org_code"), out);
                BigDecimal value = (BigDecimal) v.get("target_value");
                String shown = value == null ? null : value.stripTrailingZeros().toPlainString();
                if (value != null && value.signum() <= 0) {
                    out.add(Violation.of(QuarantineCode.TARGET_NOT_POSITIVE, "target_value", Map.of("value", shown)));
                } else if (value != null && TargetKpi.RATIO.equals(v.get("unit")) && value.compareTo(BigDecimal.ONE) > 0) {
                    // A rate is stored as a fraction: 92 is most likely 92 % written without its sign.
                    String kpi = (String) v.get("kpi_id");
                    String kpiZh = targetKpis.find(kpi).map(TargetKpi::zhName).orElse(kpi);
                    out.add(Violation.of(QuarantineCode.RATE_TARGET_OVER_100, "target_value", Map.of("value", shown, "kpi", kpi, "kpi_zh", kpiZh)));
                }
            }
            case OPINIONS -> {
                String issuer = (String) v.get("issuer_code");
                within(sub, issuer, "issuer_code", out);
                countyOf(issuer, (String) v.get("county_code"), out);
            }
            case FEEDBACK -> addressedTo(sub, (String) v.get("item_id"), out);
        }
    }

    /** An opinion goes from a city federation to one of its county-level units (a county directly under it). */
    private void countyOf(String issuer, String county, List<Violation> out) {
        if (issuer == null || county == null) {
            return;
        }
        boolean ofCity = regions.find(county)
                .filter(r -> r.level() == RegionLevel.COUNTY && issuer.equals(r.cityCode()))
                .isPresent();
        if (!ofCity) {
            out.add(Violation.of(QuarantineCode.COUNTY_NOT_OF_CITY, "county_code",
                    Map.of("county_code", county, "issuer", issuer, "issuer_name", name(issuer))));
        }
    }

    /** Feedback answers the submitter's own items: an item's letter names the county-level unit it is addressed to. */
    private void addressedTo(SubmissionPath sub, String itemId, List<Violation> out) {
        LetterItemId item = itemId == null ? null : LetterItemId.parse(itemId).orElse(null);
        if (item == null || item.countyCode().equals(sub.submitter())) {
            return;
        }
        out.add(Violation.of(QuarantineCode.ITEM_OF_OTHER_COUNTY, "item_id", Map.of("item_id", itemId,
                "county_code", item.countyCode(), "county_name", name(item.countyCode()),
                "submitter", sub.submitter(), "submitter_name", name(sub.submitter()))));
    }

    /**
     * A target is set by a regional federation for a union below it: a federation further down its part of the region tree
     * (province → city, city → county, or further), or a basic-level union in its area.
     */
    private void above(String issuer, String orgCode, List<Violation> out) {
        if (issuer == null || orgCode == null) {
            return;
        }
        String orgRegion = orgCode.substring(0, 6);
        boolean basic = orgCode.length() > 6;
        // ancestors() never holds the region itself: a federation is not below itself.
        if (basic ? orgRegion.equals(issuer) || isAncestor(issuer, orgRegion) : isAncestor(issuer, orgCode)) {
            return;
        }
        out.add(Violation.of(QuarantineCode.ISSUER_NOT_ABOVE, "org_code",
                Map.of("issuer", issuer, "issuer_name", name(issuer), "org_code", orgCode)));
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
        out.add(Violation.of(QuarantineCode.ORG_OUTSIDE_SUBMITTER, column,
                Map.of("org_code", orgCode, "submitter", sub.submitter(), "submitter_name", name(sub.submitter()))));
    }

    private boolean isAncestor(String ancestor, String code) {
        return regions.ancestors(code).stream().map(Region::code).anyMatch(ancestor::equals);
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    /**
     * A period tied to the submission's period by the column's period rule: {@code ends_on_or_after_start}, a target
     * set before its period ends (the year's letter in its first quarter's folder names the year and each quarter; a
     * quarter's letter names that quarter or a later one), never for a period over before the submission's begins.
     */
    static void checkPeriodRule(SourceColumn column, Period target, Period p, List<Violation> out) {
        if ("ends_on_or_after_start".equals(column.periodRule()) && target.end().isBefore(p.start())) {
            out.add(Violation.of(QuarantineCode.TARGET_PERIOD_PASSED, column.name(), Map.of("target_period", target,
                    "target_start", target.start(), "target_end", target.end(), "period", p, "period_start", p.start())));
        }
    }

    /**
     * A due period ({@code quarter_not_before}): a quarter, the submission's or a later one. The submission's period is a
     * quarter for the record types that declare the rule.
     */
    static void checkDueQuarter(SourceColumn column, Period due, Period p, List<Violation> out) {
        if ("quarter_not_before".equals(column.periodRule()) && (due.type() != PeriodType.QUARTER || due.start().isBefore(p.start()))) {
            Period next = Period.containing(PeriodType.QUARTER, p.end().plusDays(1));
            out.add(Violation.of(QuarantineCode.DUE_PERIOD_INVALID, column.name(), Map.of("due", due, "period", p, "next", next)));
        }
    }

    /**
     * Dates tied to the submission's period by the column's period rule: {@code inside} the period,
     * {@code not_after_end} of it, or {@code month_end_not_after_end}: the last day of a month (a balance
     * is counted as at a month's end: the opening balance 2022-12-31 of a 2023Q1 file, or an earlier
     * month's end), not after the period's end.
     */
    static void checkPeriodRule(SourceColumn column, LocalDate date, Period p, List<Violation> out) {
        String rule = column.periodRule();
        if (rule == null || date == null) {
            return;
        }
        String name = column.name();
        if ("inside".equals(rule) && !p.contains(date)) {
            out.add(Violation.of(QuarantineCode.DATE_OUTSIDE_PERIOD, name,
                    Map.of("column", name, "date", date, "period", p, "period_start", p.start(), "period_end", p.end())));
            return;
        }
        if ("month_end_not_after_end".equals(rule) && !date.equals(date.with(TemporalAdjusters.lastDayOfMonth()))) {
            out.add(Violation.of(QuarantineCode.NOT_MONTH_END, name, Map.of("column_zh", column.zh(), "column", name, "date", date,
                    "month_end", date.with(TemporalAdjusters.lastDayOfMonth()),
                    "previous_month_end", date.withDayOfMonth(1).minusDays(1))));
        }
        if (("not_after_end".equals(rule) || "month_end_not_after_end".equals(rule)) && date.isAfter(p.end())) {
            out.add(Violation.of(QuarantineCode.DATE_AFTER_PERIOD, name,
                    Map.of("column", name, "date", date, "period", p, "period_end", p.end())));
        }
    }
}
