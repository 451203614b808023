package org.unionstats.kpi.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.unionstats.kpi.engine.SqlStage;

/**
 * Validation rules over the computed KPIs, DHIS2-style: each finding names the rule, the org,
 * the period, the value found and the value it was checked against, with a message in Chinese
 * and English that says what to check.
 *
 * <ul>
 *   <li>{@code MEMBERS_BALANCE} (error): members at the end ≠ members at the start + joined +
 *       transferred in − left + the corrections of reported balances (tolerance {@value #TOLERANCE}). Every org and
 *       period type.
 *   <li>{@code BALANCE_MISMATCH} (warning): a balance a union reported (members, families on file) differs from its
 *       previous balance plus the flows between ({@code balance_checks}); at the reporting org, in the quarter of the
 *       balance's date, with both figures and the difference. The stocks take the reported figure from that month.
 *   <li>{@code LIFTED_OUT_EXCEEDS_CASELOAD} (error): families lifted out &gt; families on file at
 *       the start + newly filed. Every org and period type, on the totals (breakdown '').
 *   <li>{@code WORKFORCE_BELOW_MEMBERS} (warning): a county's reported workforce (indicator
 *       {@code workforce}) below its members at the end. Every period type.
 *   <li>{@code OUTLIER_GROWTH_RATE}, {@code OUTLIER_LIFT_OUT_RATE} (warning): among the county-level
 *       unions of one city and one quarter, the modified z-score M = 0.6745·(x − median)/MAD of
 *       {@code members_growth_rate} resp. {@code hardship_lift_out_rate} (totals) exceeds 3.5 in
 *       absolute value; only where at least {@value #MIN_SIBLINGS} siblings have a value and MAD &gt; 0
 *       (Iglewicz and Hoaglin). Siblings are grouped by {@code dim_orgs.city_code}; a county-level
 *       unit with no city (a district of a municipality, a province-administered county) is
 *       grouped with the other county-level units under the same parent federation.
 * </ul>
 *
 * <p>The SQL is {@code dq_findings.sql}. Columns: {@code rule_id, severity, org_code, org_level, kpi_id, value,
 * reference, message_zh, message_en, period}.
 */
public final class DataQualityFindings {

    public static final double TOLERANCE = 1e-9;
    public static final double OUTLIER_THRESHOLD = 3.5;
    public static final int MIN_SIBLINGS = 4;

    /** A robust-outlier rule on one rate KPI among sibling counties. */
    record OutlierRule(String ruleId, String kpiId, String nameZh, String nameEn, String adviceZh, String adviceEn) {}

    static final List<OutlierRule> OUTLIER_RULES = List.of(
            new OutlierRule("OUTLIER_GROWTH_RATE", "members_growth_rate", "会员增长率", "membership growth rate",
                    "请核实会员变动是否漏报、重复报送或把存量会员当作新入会录入；如确有集中入会、单位划转等情况，请在季度反馈中说明。",
                    "Check the member events for missing or duplicated submissions and for existing members entered as new joins;"
                            + " if there really was a mass enrolment or a transfer of units, explain it in the quarterly feedback."),
            new OutlierRule("OUTLIER_LIFT_OUT_RATE", "hardship_lift_out_rate", "解困脱困率", "hardship lift-out rate",
                    "请核实困难职工档案的脱困日期、建档日期和在档状态是否准确，防止“数字脱困”或漏报新建档家庭。",
                    "Check the lift-out dates, filing dates and status of the hardship cases (families lifted out on paper only,"
                            + " newly filed families not reported)."));

    /**
     * The KPIs the rules read ({@code dq_findings.sql}): where only a family none of them belongs to is recomputed, no
     * finding changes.
     */
    public static final List<String> KPIS_READ = List.of("members_start", "members_end", "members_joined", "members_transferred_in",
            "members_left", "members_balance_correction", "members_growth_rate", "hardship_on_file_start", "hardship_newly_filed",
            "hardship_lifted_out", "hardship_on_file_end", "hardship_lift_out_rate", "workforce");

    private DataQualityFindings() {}

    /** The columns of the KPI totals the rules read: the org, its level, the period, its type and {@link #KPIS_READ}. */
    public static Dataset<Row> columnsRead(Dataset<Row> kpiTotals) {
        return kpiTotals.select(Stream.concat(Stream.of("org_code", "org_level", "period_type", "period"), KPIS_READ.stream())
                .map(functions::col).toArray(Column[]::new));
    }

    /**
     * @param kpiTotals the KPI totals, a column per KPI ({@link org.unionstats.kpi.engine.KpiProjections#totals})
     * @param dimOrgs the {@code dim_orgs} dimension (names, cities and parents)
     * @param balanceChecks the reported balances checked against the flows ({@link org.unionstats.kpi.measures.ReportedBalances})
     * @param calendar the reporting calendar (a mismatch is reported in the quarter of its balance)
     */
    public static Dataset<Row> compute(Dataset<Row> kpiTotals, Dataset<Row> dimOrgs, Dataset<Row> balanceChecks,
            Dataset<Row> calendar) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tolerance", Double.toString(TOLERANCE));
        params.put("min_siblings", Integer.toString(MIN_SIBLINGS));
        params.put("outlier_threshold", Double.toString(OUTLIER_THRESHOLD));
        params.put("outlier_rules", outlierRules());
        List<String> outlierKpis = OUTLIER_RULES.stream().map(OutlierRule::kpiId).distinct().toList();
        params.put("outlier_kpi_count", Integer.toString(outlierKpis.size()));
        params.put("outlier_kpi_stack", CountyScorecard.stack(outlierKpis));
        // The numbers the messages show.
        params.put("members_end_text", count("members_end"));
        params.put("members_start_text", count("COALESCE(members_start, 0)"));
        params.put("members_joined_text", count("COALESCE(members_joined, 0)"));
        params.put("members_transferred_in_text", count("COALESCE(members_transferred_in, 0)"));
        params.put("members_left_text", count("COALESCE(members_left, 0)"));
        params.put("members_expected_text", count("members_expected"));
        params.put("members_difference_text", count("members_end - members_expected"));
        params.put("members_correction_text", count("COALESCE(members_correction, 0)"));
        params.put("reported_text", count("reported"));
        params.put("previous_text", count("previous_value"));
        params.put("expected_text", count("expected"));
        params.put("flows_between_signed", signed("flows_between"));
        params.put("difference_signed", signed("difference"));
        params.put("lifted_out_text", count("lifted_out"));
        params.put("caseload_text", count("caseload"));
        params.put("on_file_start_text", count("COALESCE(on_file_start, 0)"));
        params.put("newly_filed_text", count("COALESCE(newly_filed, 0)"));
        params.put("workforce_text", count("workforce"));
        params.put("value_percent", percent("value"));
        params.put("median_percent", percent("median"));
        return SqlStage.run("dq_findings",
                Map.of("kpi_totals", kpiTotals, "dim_orgs", dimOrgs, "balance_checks", balanceChecks, "calendar", calendar), params);
    }

    /** The outlier rules as SQL VALUES rows. */
    private static String outlierRules() {
        return OUTLIER_RULES.stream()
                .map(r -> "(" + String.join(", ", SqlStage.quote(r.ruleId()), SqlStage.quote(r.kpiId()), SqlStage.quote(r.nameZh()),
                        SqlStage.quote(r.nameEn()), SqlStage.quote(r.adviceZh()), SqlStage.quote(r.adviceEn())) + ")")
                .collect(Collectors.joining(", "));
    }

    /** A count for a message: 1,234 when whole, 1,234.50 otherwise. */
    private static String count(String expr) {
        return "IF((" + expr + ") = ROUND(" + expr + "), FORMAT_NUMBER(" + expr + ", 0), FORMAT_NUMBER(" + expr + ", 2))";
    }

    /** A count with its sign for a message: +45, −1,200. */
    private static String signed(String expr) {
        return "CONCAT(IF((" + expr + ") < 0, '−', '+'), " + count("ABS(" + expr + ")") + ")";
    }

    /** A ratio for a message: 0.125 → 12.5%. */
    private static String percent(String expr) {
        return "CONCAT(FORMAT_NUMBER((" + expr + ") * 100, 1), '%')";
    }
}
