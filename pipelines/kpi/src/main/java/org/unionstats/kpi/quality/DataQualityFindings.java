package org.unionstats.kpi.quality;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Validation rules over the computed KPIs, DHIS2-style: each finding names the rule, the org,
 * the period, the value found and the value it was checked against, with a message in Chinese
 * and English that says what to check.
 *
 * <ul>
 *   <li>{@code MEMBERS_BALANCE} (error): members at the end ≠ members at the start + joined +
 *       transferred in − left (tolerance {@value #TOLERANCE}). Every org and period type.
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
 * <p>Views used: {@code kpi_values}, {@code dim_orgs}. Columns: {@code rule_id, severity,
 * org_code, org_level, kpi_id, value, reference, message_zh, message_en, period}.
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

    public Dataset<Row> compute(SparkSession spark) {
        String sql = """
                WITH totals AS (
                  SELECT org_code, org_level, period,
                         MAX(IF(kpi_id = 'members_start', value, NULL)) AS members_start,
                         MAX(IF(kpi_id = 'members_end', value, NULL)) AS members_end,
                         MAX(IF(kpi_id = 'members_joined', value, NULL)) AS members_joined,
                         MAX(IF(kpi_id = 'members_transferred_in', value, NULL)) AS members_transferred_in,
                         MAX(IF(kpi_id = 'members_left', value, NULL)) AS members_left,
                         MAX(IF(kpi_id = 'hardship_on_file_start', value, NULL)) AS on_file_start,
                         MAX(IF(kpi_id = 'hardship_newly_filed', value, NULL)) AS newly_filed,
                         MAX(IF(kpi_id = 'hardship_lifted_out', value, NULL)) AS lifted_out,
                         MAX(IF(kpi_id = 'workforce', value, NULL)) AS workforce
                  FROM kpi_values
                  WHERE breakdown = '' AND kpi_id IN ('members_start', 'members_end', 'members_joined', 'members_transferred_in',
                        'members_left', 'hardship_on_file_start', 'hardship_newly_filed', 'hardship_lifted_out', 'workforce')
                  GROUP BY org_code, org_level, period),
                named AS (
                  SELECT t.*, COALESCE(o.org_name, t.org_code) AS org_name,
                         COALESCE(members_start, 0) + COALESCE(members_joined, 0) + COALESCE(members_transferred_in, 0)
                           - COALESCE(members_left, 0) AS members_expected,
                         COALESCE(on_file_start, 0) + COALESCE(newly_filed, 0) AS caseload
                  FROM totals t LEFT JOIN dim_orgs o ON o.org_code = t.org_code),
                outlier_rules AS (
                  SELECT * FROM VALUES %14$s AS r(rule_id, kpi_id, name_zh, name_en, advice_zh, advice_en)),
                candidates AS (
                  SELECT r.rule_id, r.name_zh, r.name_en, r.advice_zh, r.advice_en, k.org_code, k.org_level, k.kpi_id, k.value,
                         k.period, o.org_name, COALESCE(o.city_code, o.parent_code) AS group_code,
                         COALESCE(o.city_name, p.org_name, o.city_code, o.parent_code) AS group_name
                  FROM kpi_values k
                  JOIN outlier_rules r ON r.kpi_id = k.kpi_id
                  JOIN dim_orgs o ON o.org_code = k.org_code
                  LEFT JOIN dim_orgs p ON p.org_code = COALESCE(o.city_code, o.parent_code)
                  WHERE k.breakdown = '' AND k.period_type = 'quarter' AND o.org_level = 'county' AND k.value IS NOT NULL),
                with_median AS (
                  SELECT c.*, MEDIAN(value) OVER siblings AS median, COUNT(*) OVER siblings AS n
                  FROM candidates c
                  WINDOW siblings AS (PARTITION BY group_code, kpi_id, period)),
                with_mad AS (
                  SELECT m.*, MEDIAN(ABS(value - median)) OVER (PARTITION BY group_code, kpi_id, period) AS mad
                  FROM with_median m),
                scored AS (
                  SELECT *, IF(mad > 0, 0.6745 * (value - median) / mad, NULL) AS m_score
                  FROM with_mad
                  WHERE n >= %15$d AND mad > 0)
                SELECT 'MEMBERS_BALANCE' AS rule_id, 'error' AS severity, org_code, org_level, 'members_end' AS kpi_id,
                       members_end AS value, members_expected AS reference,
                       CONCAT(org_name, '（', org_code, '）', period, '：期末会员数 ', %1$s, ' 与 期初 ', %2$s, ' + 入会 ', %3$s,
                              ' + 转入 ', %4$s, ' − 减少（退会、转出）', %5$s, ' = ', %6$s, ' 不平衡，相差 ', %7$s,
                              '。请核对本期会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内。') AS message_zh,
                       CONCAT(org_name, ' (', org_code, '), ', period, ': ', %1$s, ' members at the end of the period, but ', %2$s,
                              ' at the start + ', %3$s, ' joined + ', %4$s, ' transferred in − ', %5$s, ' left or transferred out = ', %6$s,
                              ' (difference ', %7$s, '). Check that every join, leave and transfer of the period was submitted',
                              ' with a date inside the period.') AS message_en,
                       period
                FROM named
                WHERE members_end IS NOT NULL AND ABS(members_end - members_expected) > %8$s
                UNION ALL
                SELECT 'LIFTED_OUT_EXCEEDS_CASELOAD', 'error', org_code, org_level, 'hardship_lifted_out', lifted_out, caseload,
                       CONCAT(org_name, '（', org_code, '）', period, '：解困脱困 ', %9$s, ' 户，超过期内帮扶对象 ', %10$s,
                              ' 户（期初在档 ', %11$s, ' + 新增建档 ', %12$s, '）。脱困家庭必须期初在档或本期新建档，',
                              '请核对困难职工档案的建档日期、脱困日期和档案状态。'),
                       CONCAT(org_name, ' (', org_code, '), ', period, ': ', %9$s, ' families lifted out of hardship, more than the ',
                              %10$s, ' families on file in the period (', %11$s, ' on file at the start + ', %12$s, ' newly filed).',
                              ' A family can only be lifted out once it is on file: check the filing dates, lift-out dates and',
                              ' status of the hardship cases.'),
                       period
                FROM named
                WHERE lifted_out IS NOT NULL AND lifted_out > caseload
                UNION ALL
                SELECT 'WORKFORCE_BELOW_MEMBERS', 'warning', org_code, org_level, 'workforce', workforce, members_end,
                       CONCAT(org_name, '（', org_code, '）', period, '：报送的职工人数 ', %13$s, ' 少于期末会员数 ', %1$s,
                              '。会员不应多于职工，请核对工作指标中的职工人数（是否只报了部分单位）以及会员变动是否有重复入会、漏报退会。'),
                       CONCAT(org_name, ' (', org_code, '), ', period, ': the reported workforce of ', %13$s,
                              ' is below the ', %1$s, ' members at the end of the period. Members cannot outnumber employees:',
                              ' check the workforce in indicator_reports (only part of the county reported?) and the member events',
                              ' (duplicate joins, leaves not reported).'),
                       period
                FROM named
                WHERE org_level = 'county' AND workforce IS NOT NULL AND members_end IS NOT NULL AND workforce < members_end
                UNION ALL
                SELECT rule_id, 'warning', org_code, org_level, kpi_id, value, median,
                       CONCAT(group_name, org_name, '（', org_code, '）', period, name_zh, '为 ', %16$s, '，明显偏离全市 ',
                              CAST(n AS STRING), ' 个县级工会的中位数 ', %17$s, '（修正Z分数 ', FORMAT_NUMBER(m_score, 1),
                              '，超出 ±%18$s）。', advice_zh),
                       CONCAT(org_name, ' (', org_code, ', ', group_name, '), ', period, ': ', name_en, ' ', %16$s,
                              ' is far from the median ', %17$s, ' of the ', CAST(n AS STRING), ' county-level unions of ', group_name,
                              ' (modified z-score ', FORMAT_NUMBER(m_score, 1), ', beyond ±%18$s). ', advice_en),
                       period
                FROM scored
                WHERE ABS(m_score) > %18$s
                """.formatted(
                        count("members_end"), count("COALESCE(members_start, 0)"), count("COALESCE(members_joined, 0)"),
                        count("COALESCE(members_transferred_in, 0)"), count("COALESCE(members_left, 0)"),
                        count("members_expected"), count("members_end - members_expected"),
                        Double.toString(TOLERANCE),
                        count("lifted_out"), count("caseload"), count("COALESCE(on_file_start, 0)"),
                        count("COALESCE(newly_filed, 0)"),
                        count("workforce"),
                        outlierRules(), MIN_SIBLINGS, percent("value"), percent("median"), Double.toString(OUTLIER_THRESHOLD));
        return spark.sql(sql);
    }

    /** The outlier rules as SQL VALUES rows. */
    private static String outlierRules() {
        return OUTLIER_RULES.stream()
                .map(r -> "('%s', '%s', '%s', '%s', '%s', '%s')".formatted(r.ruleId(), r.kpiId(), sql(r.nameZh()), sql(r.nameEn()),
                        sql(r.adviceZh()), sql(r.adviceEn())))
                .collect(Collectors.joining(", "));
    }

    /** A count for a message: 1,234 when whole, 1,234.50 otherwise. */
    private static String count(String expr) {
        return "IF((%1$s) = ROUND(%1$s), FORMAT_NUMBER(%1$s, 0), FORMAT_NUMBER(%1$s, 2))".formatted(expr);
    }

    /** A ratio for a message: 0.125 → 12.5%. */
    private static String percent(String expr) {
        return "CONCAT(FORMAT_NUMBER((%s) * 100, 1), '%%')".formatted(expr);
    }

    private static String sql(String text) {
        return text.replace("'", "\\'");
    }
}
