package org.unionstats.dashboards.assets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.kpis.KpiFamily;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The datasets the dashboards read: SQL over the views and tables Trino serves (catalog
 * {@code unionstats}, schemas kpi, ops, warehouse), each with the region codes row-level security
 * filters on. The KPI dataset gets one saved metric per KPI of the catalogue.
 */
public final class WarehouseDatasets {

    // Names differ from every table and view Trino serves: Superset applies a dataset's row-level
    // security to tables of the same name inside its SQL, too.

    public static final String KPI_VALUES = "dash_kpi_values";
    /**
     * The overview's KPI values: the provinces (view {@value #NATIONAL_VIEW}) and every city with its county-level units
     * (view {@value #CITY_VIEW}). Row-level security leaves each viewer one view (dashboards/access.yaml, {@code overview}).
     */
    public static final String KPI_OVERVIEW = "dash_kpi_overview";
    /** {@code view_level} of the rows the national and provincial overview reads: the provinces, summed for the country. */
    public static final String NATIONAL_VIEW = "national";
    /** {@code view_level} of the rows a city's overview reads: the city and its county-level units. */
    public static final String CITY_VIEW = "city";
    public static final String SCORECARD = "dash_county_scorecard";
    public static final String COMPLETENESS = "dash_reporting_completeness";
    /** Every county-level unit in the reporting scope and quarter: what it owed, sent and sent on time, and which reports are missing or late. */
    public static final String COUNTY_REPORTING = "dash_county_reporting";
    /** Every quarantined row with its message: for Admin only (the data-quality dashboard). */
    public static final String QUARANTINE = "dash_quarantine";
    /** Quarantined rows counted by region, submitter, record type, error code and period, without messages: what leaders may read. */
    public static final String QUARANTINE_COUNTS = "dash_quarantine_counts";
    public static final String DQ_FINDINGS = "dash_dq_findings";
    public static final String RUNS = "dash_runs";
    /** Each county-level unit's targets at each quarter's end: target, actual, attainment and expected pace. */
    public static final String TARGETS = "dash_targets";
    /** Every issued edition of a guidance letter, with the link to its archived PDF. */
    public static final String ISSUED_LETTERS = "dash_issued_letters";
    /** Where Superset serves the archived letters (dashboards/superset/unionstats_letters.py): the archive's paths below it. */
    public static final String LETTERS_URL = "/unionstats/letters/";
    /** The follow-up ledger: every priority and department opinion of the issued letters and where it stands. */
    public static final String LEDGER_ITEMS = "dash_ledger_items";
    /** The yearly county evaluation: each part's score and the total. */
    public static final String COUNTY_EVALUATION = "dash_county_evaluation";

    /** GB/T 2260 province prefix → the ISO 3166-2 code Superset's China map keys provinces by. */
    static final Map<String, String> PROVINCE_ISO = new LinkedHashMap<>();

    static {
        String[] pairs = {"11", "BJ", "12", "TJ", "13", "HE", "14", "SX", "15", "NM", "21", "LN", "22", "JL", "23", "HL", "31", "SH",
            "32", "JS", "33", "ZJ", "34", "AH", "35", "FJ", "36", "JX", "37", "SD", "41", "HA", "42", "HB", "43", "HN", "44", "GD",
            "45", "GX", "46", "HI", "50", "CQ", "51", "SC", "52", "GZ", "53", "YN", "54", "XZ", "61", "SN", "62", "GS", "63", "QH",
            "64", "NX", "65", "XJ"};
        for (int i = 0; i < pairs.length; i += 2) {
            PROVINCE_ISO.put(pairs[i], "CN-" + pairs[i + 1]);
        }
    }

    private WarehouseDatasets() {}

    public static List<Dataset> all(KpiCatalogue catalogue) {
        return List.of(kpiValues(catalogue), kpiOverview(catalogue), scorecard(), completeness(), countyReporting(), quarantine(),
                quarantineCounts(), dqFindings(), runs(), targets(), issuedLetters(), ledgerItems(), countyEvaluation());
    }

    /** The metric of one KPI: parts summed then divided for ratios, sums for flows and stocks, the single value otherwise. */
    public static Metric metric(KpiCatalogue catalogue, KpiDefinition kpi) {
        String expression;
        String how;
        KpiDefinition.Ratio ratio = kpi.ratio();
        if (ratio != null && summedOverOrgs(catalogue.get(ratio.numerator())) && summedOverOrgs(catalogue.get(ratio.denominator()))) {
            double factor = ratio.scaleOrOne();
            String scale = factor == 1 ? "" : " * " + (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor));
            expression = "SUM(CASE WHEN kpi_id = '" + ratio.numerator() + "' THEN value END)" + scale + " / NULLIF(SUM(CASE WHEN kpi_id = '"
                    + ratio.denominator() + "' THEN value END), 0)";
            how = "由分子、分母汇总后相除，任何层级合计均正确 / recomputed from the summed numerator and denominator";
        } else if (summedOverOrgs(kpi)) {
            expression = "SUM(CASE WHEN kpi_id = '" + kpi.id() + "' THEN value END)";
            how = "对互不重叠的组织求和 / summed over disjoint orgs";
        } else {
            expression = "MAX(CASE WHEN kpi_id = '" + kpi.id() + "' THEN value END)";
            how = "不可相加：仅在一个组织、一个期间内有意义 / not additive: meaningful for one org and period only";
        }
        return new Metric(kpi.id(), expression, KpiFormats.label(kpi), KpiFormats.d3Format(kpi),
                kpi.description() + "。" + how);
    }

    private static boolean summedOverOrgs(KpiDefinition kpi) {
        return kpi.additivityClass().summedOverOrgs();
    }

    static Dataset kpiValues(KpiCatalogue catalogue) {
        String sql = String.join("\n", kpiSelect(""), kpiFrom());
        return new Dataset(KPI_VALUES, "指标值（各级工会、各期间）", sql, kpiColumns(), kpiMetrics(catalogue), "city_code");
    }

    /**
     * The KPI values the overview reads, each regional row in one view: a province's in the national view (the
     * provinces are both the headline figures, summed for the country, and the sub-units), a city's and its
     * county-level units' in the city view (the city is the headline, its units the sub-units). Row-level security
     * leaves a viewer one view, so the same charts open on the country for Admin and on 秦皇岛 for its leader, whose
     * region rule removes every province row.
     */
    static Dataset kpiOverview(KpiCatalogue catalogue) {
        String sql = String.join("\n",
                kpiSelect(",\n       CASE v.org_level WHEN 'province' THEN '" + NATIONAL_VIEW + "' ELSE '" + CITY_VIEW + "' END AS view_level,\n"
                        + "       v.org_level IN ('province', 'city') AS is_headline, v.org_level IN ('province', 'county') AS is_subunit"),
                kpiFrom(),
                "WHERE v.org_level IN ('province', 'city', 'county')");
        List<Column> columns = new ArrayList<>(kpiColumns());
        columns.add(Column.of("view_level", "VARCHAR", "概览视角"));
        columns.add(Column.of("is_headline", "BOOLEAN", "计入本级合计"));
        columns.add(Column.of("is_subunit", "BOOLEAN", "下级单位"));
        return new Dataset(KPI_OVERVIEW, "概览指标值（全国视角：各省；城市视角：本市及其县区）", sql, columns, kpiMetrics(catalogue), "city_code");
    }

    private static String kpiSelect(String extraColumns) {
        StringBuilder iso = new StringBuilder("CASE substr(o.province_code, 1, 2)");
        PROVINCE_ISO.forEach((code, isoCode) -> iso.append(" WHEN '").append(code).append("' THEN '").append(isoCode).append("'"));
        iso.append(" END");
        return String.join("\n",
                "SELECT v.org_code, v.org_name, v.org_level, v.province, v.city, v.county,",
                "       o.province_code, o.city_code, o.county_code,",
                "       " + iso + " AS province_iso,",
                "       v.period, v.period_type, p.end_date AS period_end, v.period = l.latest_period AS is_latest_period,",
                "       v.kpi_id, v.kpi_name_zh, v.value, v.unit, v.qualifier" + extraColumns);
    }

    private static String kpiFrom() {
        return String.join("\n",
                "FROM unionstats.kpi.kpi_values v",
                "JOIN unionstats.warehouse.dim_orgs o ON o.org_code = v.org_code",
                "JOIN unionstats.warehouse.dim_periods p ON p.period = v.period",
                "JOIN (SELECT period_type, max(period) AS latest_period FROM unionstats.warehouse.dim_periods GROUP BY period_type) l",
                "  ON l.period_type = v.period_type");
    }

    private static List<Column> kpiColumns() {
        return List.of(
                Column.of("org_code", "VARCHAR", "组织代码"), Column.of("org_name", "VARCHAR", "工会组织"),
                Column.of("org_level", "VARCHAR", "组织层级"), Column.of("province", "VARCHAR", "省份"), Column.of("city", "VARCHAR", "城市"),
                Column.of("county", "VARCHAR", "县区"), Column.of("province_code", "VARCHAR", "省份代码"),
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("county_code", "VARCHAR", "县区代码"),
                Column.of("province_iso", "VARCHAR", "省份（ISO）"), Column.of("period", "VARCHAR", "期间"),
                Column.of("period_type", "VARCHAR", "期间类型"), Column.time("period_end", "DATE", "期末日"),
                Column.of("is_latest_period", "BOOLEAN", "是否最新期间"), Column.of("kpi_id", "VARCHAR", "指标代码"),
                Column.of("kpi_name_zh", "VARCHAR", "指标"), Column.of("value", "DOUBLE", "指标值"), Column.of("unit", "VARCHAR", "单位"),
                Column.of("qualifier", "VARCHAR", "数据限定"));
    }

    private static List<Metric> kpiMetrics(KpiCatalogue catalogue) {
        List<Metric> metrics = new ArrayList<>();
        // Families in alphabetical order (their files' order), as the checked-in assets list the metrics.
        for (KpiFamily family : catalogue.families().stream().sorted(Comparator.comparing(KpiFamily::family)).toList()) {
            for (KpiDefinition kpi : family.kpis()) {
                metrics.add(metric(catalogue, kpi));
            }
        }
        return metrics;
    }

    static Dataset scorecard() {
        String sql = String.join("\n",
                "SELECT s.city_code, s.city_name, s.county_code, s.county_name, s.period,",
                "       s.kpi_order, s.kpi_id, s.kpi_name_zh, " + KpiFormats.unitZhSql("s.unit") + " AS unit, s.value, s.previous_value, s.change_on_quarter,",
                "       s.year_ago_value, s.change_on_year, s.rank_in_city, s.counties_ranked,",
                "       CAST(s.rank_in_city AS VARCHAR) || '/' || CAST(s.counties_ranked AS VARCHAR) AS rank_label,",
                "       s.bottom_quarter, CASE WHEN s.bottom_quarter THEN '后四分之一' ELSE '' END AS flag_label, s.dq_findings,",
                "       s.period = l.latest_period AS is_latest_period",
                "FROM unionstats.kpi.county_scorecard s",
                "CROSS JOIN (SELECT max(period) AS latest_period FROM unionstats.kpi.county_scorecard) l");
        List<Column> columns = List.of(
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("period", "VARCHAR", "季度"), Column.of("kpi_order", "INTEGER", "序号"), Column.of("kpi_id", "VARCHAR", "指标代码"),
                Column.of("kpi_name_zh", "VARCHAR", "指标"), Column.of("unit", "VARCHAR", "单位"), Column.of("value", "DOUBLE", "本季度"),
                Column.of("previous_value", "DOUBLE", "上季度"), Column.of("change_on_quarter", "DOUBLE", "较上季度"),
                Column.of("year_ago_value", "DOUBLE", "上年同期"), Column.of("change_on_year", "DOUBLE", "较上年同期"),
                Column.of("rank_in_city", "INTEGER", "全市排名"), Column.of("counties_ranked", "INTEGER", "参与排名县区数"),
                Column.of("rank_label", "VARCHAR", "排名"), Column.of("bottom_quarter", "BOOLEAN", "位于后四分之一"),
                Column.of("flag_label", "VARCHAR", "提示"), Column.of("dq_findings", "BIGINT", "数据质量问题数"),
                Column.of("is_latest_period", "BOOLEAN", "是否最新季度"));
        List<Metric> metrics = List.of(
                new Metric("bottom_quarter_count", "SUM(CASE WHEN bottom_quarter THEN 1 ELSE 0 END)", "后四分之一指标数", ",d",
                        "本县区位于全市后四分之一的指标个数 / KPIs in the city's bottom quarter"),
                new Metric("kpis_ranked", "COUNT(*)", "指标数", ",d", "指导书指标个数 / KPIs in the scorecard"),
                new Metric("dq_findings_total", "MAX(dq_findings)", "数据质量问题数", ",d",
                        "该县区本季度数据质量问题数 / Data-quality findings of the county this quarter"),
                new Metric("best_rank", "MIN(rank_in_city)", "最好名次", ",d", "各指标中的最好名次 / Best rank over the KPIs"));
        return new Dataset(SCORECARD, "县区季度指导书", sql, columns, metrics, "city_code");
    }

    static Dataset completeness() {
        String sql = String.join("\n",
                "SELECT r.org_code, o.org_name, r.org_level, o.province_code, o.province_name, o.city_code, o.city_name, o.county_name,",
                "       r.period, r.period_type, p.end_date AS period_end, r.period = l.latest_period AS is_latest_period,",
                "       r.record_type, r.expected, r.received, r.on_time",
                "FROM unionstats.ops.reporting_completeness r",
                "JOIN unionstats.warehouse.dim_orgs o ON o.org_code = r.org_code",
                "JOIN unionstats.warehouse.dim_periods p ON p.period = r.period",
                "JOIN (SELECT period_type, max(period) AS latest_period FROM unionstats.warehouse.dim_periods GROUP BY period_type) l",
                "  ON l.period_type = r.period_type");
        List<Column> columns = List.of(
                Column.of("org_code", "VARCHAR", "组织代码"), Column.of("org_name", "VARCHAR", "工会组织"),
                Column.of("org_level", "VARCHAR", "组织层级"), Column.of("province_code", "VARCHAR", "省份代码"),
                Column.of("province_name", "VARCHAR", "省份"), Column.of("city_code", "VARCHAR", "城市代码"),
                Column.of("city_name", "VARCHAR", "城市"), Column.of("county_name", "VARCHAR", "县区"), Column.of("period", "VARCHAR", "期间"),
                Column.of("period_type", "VARCHAR", "期间类型"), Column.time("period_end", "DATE", "期末日"),
                Column.of("is_latest_period", "BOOLEAN", "是否最新期间"), Column.of("record_type", "VARCHAR", "报表类型"),
                Column.of("expected", "BIGINT", "应报数"), Column.of("received", "BIGINT", "实报数"), Column.of("on_time", "BIGINT", "按时报送数"));
        List<Metric> metrics = List.of(
                new Metric("completeness_rate", "SUM(received) / NULLIF(CAST(SUM(expected) AS DOUBLE), 0)", "报送完整率（%）", ".1%",
                        "实报 / 应报 / Received over expected"),
                new Metric("timeliness_rate", "SUM(on_time) / NULLIF(CAST(SUM(expected) AS DOUBLE), 0)", "按时报送率（%）", ".1%",
                        "按时 / 应报 / On time over expected"),
                new Metric("expected_total", "SUM(expected)", "应报数", ",d", "应报数 / Submissions expected"),
                new Metric("received_total", "SUM(received)", "实报数", ",d", "实报数 / Submissions received"),
                new Metric("missing_total", "SUM(expected) - SUM(received)", "缺报数", ",d", "应报未报 / Expected but not received"));
        return new Dataset(COMPLETENESS, "报送完整性与及时性", sql, columns, metrics, "city_code");
    }

    /**
     * One row per county-level unit of the reporting scope and quarter (the units that owe reports, whether or not
     * they ever sent one): expected, received and on-time counts over the required record types (the {@code all} row
     * of {@code ops.reporting_completeness}), how it stands ({@code none} sent nothing, {@code partial} some of its
     * reports, {@code late} all of them but not all on time, {@code complete}), and which reports are missing or late
     * (from the view {@code ops.missing_reports}, which says what missing and late mean).
     */
    static Dataset countyReporting() {
        String sql = String.join("\n",
                "SELECT o.province_code, o.province_name, o.city_code, o.city_name, r.org_code AS county_code, o.org_name AS county_name,",
                "       r.period, r.period_type, p.end_date AS period_end, r.period = l.latest_period AS is_latest_period,",
                "       r.expected, r.received, r.on_time, r.expected - r.received AS missing, r.received - r.on_time AS late,",
                "       CASE WHEN r.received = 0 THEN 'none' WHEN r.received < r.expected THEN 'partial'",
                "            WHEN r.on_time < r.expected THEN 'late' ELSE 'complete' END AS reporting_status,",
                "       CASE WHEN r.received = 0 THEN '未报送' WHEN r.received < r.expected THEN '部分报送'",
                "            WHEN r.on_time < r.expected THEN '逾期报送' ELSE '按时报齐' END AS reporting_status_zh,",
                "       g.missing_types, g.late_types",
                "FROM unionstats.ops.reporting_completeness r",
                "JOIN unionstats.warehouse.dim_orgs o ON o.org_code = r.org_code",
                "JOIN unionstats.warehouse.dim_periods p ON p.period = r.period",
                "JOIN (SELECT period_type, max(period) AS latest_period FROM unionstats.warehouse.dim_periods GROUP BY period_type) l",
                "  ON l.period_type = r.period_type",
                "LEFT JOIN (SELECT county_code, period,",
                "                  array_join(array_agg(record_type_zh ORDER BY record_type) FILTER (WHERE status = 'missing'), '、') AS missing_types,",
                "                  array_join(array_agg(record_type_zh ORDER BY record_type) FILTER (WHERE status = 'late'), '、') AS late_types",
                "           FROM unionstats.ops.missing_reports",
                "           GROUP BY county_code, period) g",
                "  ON g.county_code = r.org_code AND g.period = r.period",
                "WHERE r.org_level = 'county' AND r.record_type = 'all'");
        List<Column> columns = List.of(
                Column.of("province_code", "VARCHAR", "省份代码"), Column.of("province_name", "VARCHAR", "省份"),
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("period", "VARCHAR", "季度"), Column.of("period_type", "VARCHAR", "期间类型"), Column.time("period_end", "DATE", "期末日"),
                Column.of("is_latest_period", "BOOLEAN", "是否最新季度"), Column.of("expected", "BIGINT", "应报数"),
                Column.of("received", "BIGINT", "实报数"), Column.of("on_time", "BIGINT", "按时报送数"), Column.of("missing", "BIGINT", "缺报数"),
                Column.of("late", "BIGINT", "逾期数"), Column.of("reporting_status", "VARCHAR", "报送情况代码"),
                Column.of("reporting_status_zh", "VARCHAR", "报送情况"), Column.of("missing_types", "VARCHAR", "未报送的报表"),
                Column.of("late_types", "VARCHAR", "逾期报送的报表"));
        List<Metric> metrics = List.of(
                new Metric("units", "COUNT(*)", "单位数", ",d", "县级单位数 / County-level units"),
                new Metric("silent_units", "SUM(CASE WHEN received = 0 THEN 1 ELSE 0 END)", "未报送单位数", ",d", "一份也没报送的县级单位 / Units that sent nothing"),
                new Metric("partial_units", "SUM(CASE WHEN received > 0 AND received < expected THEN 1 ELSE 0 END)", "部分报送单位数", ",d",
                        "只报送了部分必报报表的县级单位 / Units that sent only part of their reports"),
                new Metric("missing_total", "SUM(missing)", "缺报数", ",d", "应报未报 / Expected but not received"));
        return new Dataset(COUNTY_REPORTING, "各县级单位报送情况（含未报送单位）", sql, columns, metrics, "city_code");
    }

    static Dataset quarantine() {
        String sql = String.join("\n",
                "SELECT q.run_id, q.source_file, q.submitter, o.org_name AS submitter_name, o.province_code, o.city_code, o.city_name,",
                "       q.record_type, q.source_row, q.column_name, q.error_code, q.message_zh, q.period",
                "FROM unionstats.ops.quarantine q",
                "LEFT JOIN unionstats.warehouse.dim_orgs o ON o.org_code = q.submitter");
        List<Column> columns = List.of(
                Column.of("run_id", "VARCHAR", "入库批次"), Column.of("source_file", "VARCHAR", "文件"),
                Column.of("submitter", "VARCHAR", "报送单位代码"), Column.of("submitter_name", "VARCHAR", "报送单位"),
                Column.of("province_code", "VARCHAR", "省份代码"), Column.of("city_code", "VARCHAR", "城市代码"),
                Column.of("city_name", "VARCHAR", "城市"), Column.of("record_type", "VARCHAR", "报表类型"),
                Column.of("source_row", "INTEGER", "行号"), Column.of("column_name", "VARCHAR", "列"),
                Column.of("error_code", "VARCHAR", "错误代码"), Column.of("message_zh", "VARCHAR", "说明"), Column.of("period", "VARCHAR", "期间"));
        List<Metric> metrics = List.of(
                new Metric("quarantined_rows", "COUNT(*)", "隔离行数", ",d", "被隔离的行（或整体拒收的文件）/ Rows (or whole files) quarantined"),
                new Metric("example_message", "MIN(message_zh)", "示例说明", null, "一条示例说明 / One example message"),
                new Metric("files_affected", "COUNT(DISTINCT source_file)", "涉及文件数", ",d", "涉及的文件数 / Files concerned"));
        return new Dataset(QUARANTINE, "隔离区（被拒收的行与文件）", sql, columns, metrics, "city_code");
    }

    /**
     * The quarantine for leaders: counts only. A message can quote what the submitter wrote (and
     * the raw row is the row as sent): the SQL aggregates, so no row, message or file name of the
     * quarantine can be asked of this dataset, whatever the chart.
     */
    static Dataset quarantineCounts() {
        String sql = String.join("\n",
                "SELECT o.province_code, o.city_code, o.city_name, q.submitter, o.org_name AS submitter_name,",
                "       q.record_type, q.error_code, q.period, count(*) AS quarantined",
                "FROM unionstats.ops.quarantine q",
                "LEFT JOIN unionstats.warehouse.dim_orgs o ON o.org_code = q.submitter",
                "GROUP BY o.province_code, o.city_code, o.city_name, q.submitter, o.org_name, q.record_type, q.error_code, q.period");
        List<Column> columns = List.of(
                Column.of("province_code", "VARCHAR", "省份代码"), Column.of("city_code", "VARCHAR", "城市代码"),
                Column.of("city_name", "VARCHAR", "城市"), Column.of("submitter", "VARCHAR", "报送单位代码"),
                Column.of("submitter_name", "VARCHAR", "报送单位"), Column.of("record_type", "VARCHAR", "报表类型"),
                Column.of("error_code", "VARCHAR", "错误代码"), Column.of("period", "VARCHAR", "期间"),
                Column.of("quarantined", "BIGINT", "隔离行数"));
        List<Metric> metrics = List.of(
                new Metric("quarantined_rows", "SUM(quarantined)", "隔离行数", ",d", "被隔离的行（或整体拒收的文件）/ Rows (or whole files) quarantined"));
        return new Dataset(QUARANTINE_COUNTS, "隔离区计数（按错误类型）", sql, columns, metrics, "city_code");
    }

    /**
     * Every finding with its message, of every rule and severity and at every level: a basic-level union's finding
     * (BALANCE_MISMATCH) shows its county and city, from the union's own path or, for an org dim_orgs does not
     * know, from the county its code starts with.
     */
    static Dataset dqFindings() {
        String sql = String.join("\n",
                "SELECT f.rule_id, f.severity, f.org_code, COALESCE(o.org_name, f.org_code) AS org_name, f.org_level,",
                "       COALESCE(o.province_code, c.province_code) AS province_code, COALESCE(o.city_code, c.city_code) AS city_code,",
                "       COALESCE(o.city_name, c.city_name) AS city_name, COALESCE(o.county_name, c.county_name) AS county_name,",
                "       f.period, f.kpi_id, f.value, f.reference, f.message_zh",
                "FROM unionstats.ops.dq_findings f",
                "LEFT JOIN unionstats.warehouse.dim_orgs o ON o.org_code = f.org_code",
                "LEFT JOIN unionstats.warehouse.dim_orgs c ON c.org_code = substr(f.org_code, 1, 6)");
        List<Column> columns = List.of(
                Column.of("rule_id", "VARCHAR", "规则"), Column.of("severity", "VARCHAR", "严重程度"), Column.of("org_code", "VARCHAR", "组织代码"),
                Column.of("org_name", "VARCHAR", "工会组织"), Column.of("org_level", "VARCHAR", "组织层级"),
                Column.of("province_code", "VARCHAR", "省份代码"), Column.of("city_code", "VARCHAR", "城市代码"),
                Column.of("city_name", "VARCHAR", "城市"), Column.of("county_name", "VARCHAR", "县区"), Column.of("period", "VARCHAR", "期间"),
                Column.of("kpi_id", "VARCHAR", "指标代码"), Column.of("value", "DOUBLE", "数值"), Column.of("reference", "DOUBLE", "参照值"),
                Column.of("message_zh", "VARCHAR", "说明"));
        List<Metric> metrics = List.of(new Metric("findings", "COUNT(*)", "发现数", ",d", "数据质量发现数 / Findings"));
        return new Dataset(DQ_FINDINGS, "数据质量发现", sql, columns, metrics, "city_code");
    }

    static Dataset runs() {
        String sql = String.join("\n",
                "SELECT run_id, started_at, finished_at, files, rows_read, accepted, duplicates, quarantined, refused_files, replaced_files",
                "FROM unionstats.ops.runs");
        List<Column> columns = List.of(
                Column.of("run_id", "VARCHAR", "入库批次"), Column.time("started_at", "TIMESTAMP(3)", "开始时间（UTC）"),
                Column.of("finished_at", "TIMESTAMP(3)", "结束时间（UTC）"), Column.of("files", "BIGINT", "文件数"),
                Column.of("rows_read", "BIGINT", "读取行数"), Column.of("accepted", "BIGINT", "接收行数"),
                Column.of("duplicates", "BIGINT", "重复行数"), Column.of("quarantined", "BIGINT", "隔离行数"),
                Column.of("refused_files", "BIGINT", "整体拒收文件数"), Column.of("replaced_files", "BIGINT", "被更正替换文件数"));
        List<Metric> metrics = List.of(new Metric("run_count", "COUNT(*)", "批次数", ",d", "入库批次数 / Ingest runs"));
        return new Dataset(RUNS, "入库批次（运行历史）", sql, columns, metrics, null);
    }

    /**
     * The targets (目标任务) of the county-level units at each quarter's end, from the view {@code kpi.targets}: each
     * target with its actual, attainment and expected pace (%), as the letters print them. Columns named as the
     * scorecard's, so the 城市, 县区 and 季度 filters of the 县区季度指导书 apply to both.
     */
    static Dataset targets() {
        String sql = String.join("\n",
                "SELECT o.city_code, t.city AS city_name, t.org_code AS county_code, t.org_name AS county_name, t.period,",
                "       t.kpi_id, t.kpi_name_zh, " + KpiFormats.unitZhSql("t.unit") + " AS unit, t.issuer_name, t.target_period,",
                "       t.target_value, t.actual_value, t.attainment_pct, t.expected_pace_pct, t.on_pace,",
                "       CASE WHEN t.on_pace THEN '达到序时进度' WHEN NOT t.on_pace THEN '落后于序时进度' ELSE '无实际值' END AS pace_label,",
                "       t.period = l.latest_period AS is_latest_period",
                "FROM unionstats.kpi.targets t",
                "JOIN unionstats.warehouse.dim_orgs o ON o.org_code = t.org_code",
                "CROSS JOIN (SELECT max(period) AS latest_period FROM unionstats.kpi.targets WHERE period_type = 'quarter') l",
                "WHERE t.org_level = 'county' AND t.period_type = 'quarter'");
        List<Column> columns = List.of(
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("period", "VARCHAR", "季度"), Column.of("kpi_id", "VARCHAR", "指标代码"), Column.of("kpi_name_zh", "VARCHAR", "指标"),
                Column.of("unit", "VARCHAR", "单位"), Column.of("issuer_name", "VARCHAR", "下达单位"), Column.of("target_period", "VARCHAR", "目标期间"),
                Column.of("target_value", "DOUBLE", "目标值"), Column.of("actual_value", "DOUBLE", "实际完成"),
                Column.of("attainment_pct", "DOUBLE", "完成率（%）"), Column.of("expected_pace_pct", "DOUBLE", "序时进度（%）"),
                Column.of("on_pace", "BOOLEAN", "达到序时进度"), Column.of("pace_label", "VARCHAR", "进度"),
                Column.of("is_latest_period", "BOOLEAN", "是否最新季度"));
        List<Metric> metrics = List.of(
                new Metric("attainment", "AVG(attainment_pct)", "目标完成率（%）", ",.1f",
                        "各目标完成率的平均 / Attainment averaged over the targets"),
                new Metric("expected_pace", "AVG(expected_pace_pct)", "序时进度（%）", ",.1f",
                        "各目标序时进度的平均 / Expected pace averaged over the targets"),
                new Metric("targets_behind", "SUM(CASE WHEN NOT on_pace THEN 1 ELSE 0 END)", "落后于序时进度的目标数", ",d",
                        "实际值未达到序时进度的目标个数 / Targets behind their expected pace"),
                new Metric("targets_set", "COUNT(*)", "目标数", ",d", "下达的目标个数 / Targets set"));
        return new Dataset(TARGETS, "县区目标任务完成情况", sql, columns, metrics, "city_code");
    }

    /**
     * Every issued edition of the guidance letters ({@code kpi.letters_issued}) with a link to its PDF in the letter
     * archive: the archive's path is the warehouse layout's, served by Superset at {@value #LETTERS_URL} to whoever may
     * read the edition's row here. The link is the only markup, made here from codes and numbers.
     */
    static Dataset issuedLetters() {
        String path = "'" + WarehouseLayout.archivedLetterPath("' || i.city_code || '", "' || i.period || '", "' || i.letter_id || '",
                "' || CAST(i.edition AS VARCHAR) || '") + "'";
        String sql = String.join("\n",
                "SELECT i.city_code, i.city_name, i.county_code, i.county_name, i.period, i.letter_id, i.edition, i.issued_at, i.signed,",
                "       " + path + " AS pdf_path,",
                "       '<a href=\"" + LETTERS_URL + "' || " + path + " || '\" target=\"_blank\">' || i.letter_id || ' 第' || CAST(i.edition AS VARCHAR)"
                        + " || '版（PDF）</a>' AS pdf_link",
                "FROM unionstats.kpi.letters_issued i");
        List<Column> columns = List.of(
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("period", "VARCHAR", "季度"), Column.of("letter_id", "VARCHAR", "指导书编号"), Column.of("edition", "INTEGER", "版次"),
                Column.time("issued_at", "TIMESTAMP(3)", "签发时间（UTC）"), Column.of("signed", "VARCHAR", "签发日期"),
                Column.of("pdf_path", "VARCHAR", "PDF 文件"), Column.of("pdf_link", "VARCHAR", "指导书（PDF）"));
        List<Metric> metrics = List.of(new Metric("letters", "COUNT(*)", "指导书份数", ",d", "已签发的指导书（各版次）/ Issued editions"));
        return new Dataset(ISSUED_LETTERS, "已签发的县区季度指导书", sql, columns, metrics, "city_code");
    }

    /**
     * The follow-up ledger ({@code kpi.ledger_items}): each item of the issued letters with its status and overdue flag in
     * Chinese. No {@code period} column: the ledger shows where every item stands now, whichever quarter the 季度 filter
     * picks; 城市 and 县区 narrow it like the scorecard.
     */
    static Dataset ledgerItems() {
        String sql = String.join("\n",
                "SELECT l.city_code, o.city_name, l.county_code, l.county_name, l.item_id, l.letter_id, l.issued_period, l.due_period,",
                "       l.source, l.department,",
                "       CASE WHEN l.department IS NULL THEN '工作重点 ' || l.source ELSE '部门意见：' || l.department END AS source_label,",
                "       l.kpi_id, l.text, l.status,",
                "       CASE l.status WHEN 'open' THEN '未反馈' WHEN 'answered' THEN '已答复' WHEN 'closed' THEN '已办结' END AS status_zh,",
                "       l.status_period, l.feedback_text, l.overdue, CASE WHEN l.overdue THEN '逾期' ELSE '' END AS overdue_label",
                "FROM unionstats.kpi.ledger_items l",
                "LEFT JOIN unionstats.warehouse.dim_orgs o ON o.org_code = l.county_code");
        List<Column> columns = List.of(
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("item_id", "VARCHAR", "事项编号"), Column.of("letter_id", "VARCHAR", "指导书编号"),
                Column.of("issued_period", "VARCHAR", "签发季度"), Column.of("due_period", "VARCHAR", "办结时限（季度）"),
                Column.of("source", "VARCHAR", "来源代码"), Column.of("department", "VARCHAR", "提出意见的部门"),
                Column.of("source_label", "VARCHAR", "来源"), Column.of("kpi_id", "VARCHAR", "指标代码"), Column.of("text", "VARCHAR", "事项"),
                Column.of("status", "VARCHAR", "办理状态代码"), Column.of("status_zh", "VARCHAR", "办理状态"),
                Column.of("status_period", "VARCHAR", "反馈期间"), Column.of("feedback_text", "VARCHAR", "反馈内容"),
                Column.of("overdue", "BOOLEAN", "是否逾期"), Column.of("overdue_label", "VARCHAR", "逾期"));
        List<Metric> metrics = List.of(
                new Metric("items_open", "SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END)", "未反馈", ",d", "尚未收到反馈的事项 / Items without feedback"),
                new Metric("items_answered", "SUM(CASE WHEN status = 'answered' THEN 1 ELSE 0 END)", "已答复", ",d",
                        "已答复、尚未办结的事项 / Items answered, not yet closed"),
                new Metric("items_closed", "SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END)", "已办结", ",d", "已办结的事项 / Items closed"),
                new Metric("items_overdue", "SUM(CASE WHEN overdue THEN 1 ELSE 0 END)", "逾期", ",d",
                        "未办结且办结时限所在季度已结束 / Not closed and past the end of the due quarter"),
                new Metric("items_total", "COUNT(*)", "事项数", ",d", "台账事项数 / Ledger items"));
        return new Dataset(LEDGER_ITEMS, "工作台账（指导书事项及办理情况）", sql, columns, metrics, "city_code");
    }

    /**
     * The yearly county evaluation ({@code kpi.county_evaluation}, partitioned by year): the year is {@code evaluation_year},
     * not {@code period}, so the dashboard's 季度 filter leaves it alone.
     */
    static Dataset countyEvaluation() {
        String sql = String.join("\n",
                "SELECT e.city_code, o.city_name, e.county_code, e.county_name, e.period AS evaluation_year,",
                "       e.targets, e.target_attainment_pct, e.target_score, e.kpis_ranked, e.mean_position, e.rank_score,",
                "       e.items_due, e.items_closed, e.follow_up_score, e.reports_expected, e.reports_on_time, e.reporting_score,",
                "       e.total_score, e.rank_in_city",
                "FROM unionstats.kpi.county_evaluation e",
                "LEFT JOIN unionstats.warehouse.dim_orgs o ON o.org_code = e.county_code");
        List<Column> columns = List.of(
                Column.of("city_code", "VARCHAR", "城市代码"), Column.of("city_name", "VARCHAR", "城市"),
                Column.of("county_code", "VARCHAR", "县区代码"), Column.of("county_name", "VARCHAR", "县区"),
                Column.of("evaluation_year", "VARCHAR", "考核年度"), Column.of("targets", "INTEGER", "年度目标数"),
                Column.of("target_attainment_pct", "DOUBLE", "目标平均完成率（%）"), Column.of("target_score", "DOUBLE", "目标完成得分（40）"),
                Column.of("kpis_ranked", "INTEGER", "参与排名指标数"), Column.of("mean_position", "DOUBLE", "平均排名位置"),
                Column.of("rank_score", "DOUBLE", "排名得分（30）"), Column.of("items_due", "INTEGER", "到期事项数"),
                Column.of("items_closed", "INTEGER", "已办结事项数"), Column.of("follow_up_score", "DOUBLE", "督办落实得分（20）"),
                Column.of("reports_expected", "BIGINT", "应报报表数"), Column.of("reports_on_time", "BIGINT", "按时报送数"),
                Column.of("reporting_score", "DOUBLE", "报送得分（10）"), Column.of("total_score", "DOUBLE", "总分"),
                Column.of("rank_in_city", "INTEGER", "全市排名"));
        List<Metric> metrics = List.of(new Metric("units", "COUNT(*)", "县区数", ",d", "参与考核的县级单位 / County-level units evaluated"));
        return new Dataset(COUNTY_EVALUATION, "县区年度考核", sql, columns, metrics, "city_code");
    }
}
