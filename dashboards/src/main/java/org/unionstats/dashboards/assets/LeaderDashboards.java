package org.unionstats.dashboards.assets;

import static org.unionstats.dashboards.assets.Dashboard.cell;
import static org.unionstats.dashboards.assets.Dashboard.row;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.unionstats.kpis.KpiCatalogue;

/**
 * The four dashboards: 全国/全省概览, 市级, 县区季度指导书 (for union leaders) and 数据质量与报送
 * (for data engineers). Titles and labels are Chinese; KPI names, units and formats come from the
 * catalogue through the datasets' metrics.
 */
public final class LeaderDashboards {

    public static final String OVERVIEW = "overview";
    public static final String CITY = "city";
    public static final String SCORECARD = "county-scorecard";
    public static final String DATA_QUALITY = "data-quality";

    /** The city the city-level dashboards open on (the sample data's city; leaders switch with the filter). */
    static final String DEMO_CITY = "秦皇岛市";

    /** Rows of the unit lists: more than the country's ~2 850 county-level units, so a list is never cut short. */
    static final int UNITS_LIMIT = 5000;

    private LeaderDashboards() {}

    public static List<Dashboard> all(KpiCatalogue catalogue, List<Dataset> datasets) {
        Map<String, Dataset> ds = datasets.stream().collect(Collectors.toMap(Dataset::key, Function.identity()));
        return List.of(overview(catalogue, ds.get(WarehouseDatasets.KPI_OVERVIEW)), city(catalogue, ds.get(WarehouseDatasets.KPI_VALUES)),
                scorecard(ds.get(WarehouseDatasets.SCORECARD), ds.get(WarehouseDatasets.TARGETS), ds.get(WarehouseDatasets.ISSUED_LETTERS),
                        ds.get(WarehouseDatasets.LEDGER_ITEMS), ds.get(WarehouseDatasets.COUNTY_EVALUATION)),
                dataQuality(ds));
    }

    private static String name(KpiCatalogue catalogue, String kpi) {
        return catalogue.get(kpi).nameZh();
    }

    /**
     * The overview of the viewer's own region, from {@link WarehouseDatasets#KPI_OVERVIEW}: the headline rows (the
     * provinces, summed, for Admin and national or provincial leaders; the city for a city's leaders) and the sub-units
     * (the provinces; the city's county-level units).
     */
    static Dashboard overview(KpiCatalogue catalogue, Dataset kpis) {
        List<Filter> headline = List.of(Filter.isTrue("is_headline"), Filter.eq("period_type", "quarter"));
        List<Filter> subunits = List.of(Filter.isTrue("is_subunit"), Filter.eq("period_type", "quarter"));
        String k = "overview_";
        Chart members = Charts.bigNumber(k + "members_end", name(catalogue, "members_end"), kpis, "members_end", headline);
        Chart netGrowth = Charts.bigNumber(k + "members_net_growth", name(catalogue, "members_net_growth"), kpis, "members_net_growth", headline);
        Chart newForm = Charts.bigNumber(k + "new_form_members_joined", name(catalogue, "new_form_members_joined"), kpis,
                "new_form_members_joined", headline);
        Chart onFile = Charts.bigNumber(k + "hardship_on_file_end", name(catalogue, "hardship_on_file_end"), kpis, "hardship_on_file_end",
                headline);
        Chart liftOut = Charts.bigNumber(k + "hardship_lift_out_rate", name(catalogue, "hardship_lift_out_rate"), kpis,
                "hardship_lift_out_rate", headline);
        Chart entrants = Charts.bigNumber(k + "competition_entrants", name(catalogue, "competition_entrants"), kpis, "competition_entrants",
                headline);
        Chart membersTrend = Charts.timeseries(k + "members_trend", "会员数趋势（各季度末）", kpis, false, List.of("members_end"), List.of(),
                headline);
        Chart growthTrend = Charts.timeseries(k + "net_growth_trend", "会员净增与新就业形态劳动者入会（各季度）", kpis, true,
                List.of("members_net_growth", "new_form_members_joined"), List.of(), headline);
        Chart hardshipTrend = Charts.timeseries(k + "hardship_trend", "困难职工在档户数（各季度末）", kpis, true,
                List.of("hardship_on_file_end"), List.of(), headline);
        Chart liftOutTrend = Charts.timeseries(k + "lift_out_trend", "解困脱困率（各季度）", kpis, false, List.of("hardship_lift_out_rate"),
                List.of(), headline);
        Chart entrantsTrend = Charts.timeseries(k + "entrants_trend", "劳动和技能竞赛参赛人数（各季度）", kpis, true,
                List.of("competition_entrants"), List.of(), headline);
        Chart subunitTable = Charts.table(k + "subunits_table", "下级单位主要指标（最新季度）", kpis, List.of("org_name"),
                List.of("members_end", "members_net_growth", "members_growth_rate", "new_form_members_joined", "hardship_on_file_end",
                        "hardship_lift_out_rate", "competition_entrants"),
                subunits, true);
        Chart map = Charts.chinaMap(k + "province_map", "各省期末会员数（最新季度）", kpis, "province_iso", "members_end", subunits);
        return new Dashboard(OVERVIEW, "全国/全省概览",
                "本人所辖范围的概况：全国与各省，或本市及其各县区；会员发展、困难职工帮扶与劳动竞赛，大数字显示最新季度及较上季度变化。",
                List.of(row(cell(members, 2, 40), cell(netGrowth, 2, 40), cell(newForm, 2, 40), cell(onFile, 2, 40), cell(liftOut, 2, 40),
                        cell(entrants, 2, 40)),
                        row(cell(membersTrend, 6, 50), cell(growthTrend, 6, 50)),
                        row(cell(hardshipTrend, 4, 50), cell(liftOutTrend, 4, 50), cell(entrantsTrend, 4, 50)),
                        row(cell(subunitTable, 12, 50)),
                        row(cell(map, 12, 80))),
                List.of(new Dashboard.NativeFilter("overview_province", "省份", kpis, "province", false, null, null),
                        new Dashboard.NativeFilter("overview_period", "季度", kpis, "period", true, null, Filter.eq("period_type", "quarter"))),
                false);
    }

    static Dashboard city(KpiCatalogue catalogue, Dataset kpis) {
        List<Filter> counties = List.of(Filter.eq("org_level", "county"), Filter.eq("period_type", "quarter"));
        String k = "city_";
        Chart table = Charts.table(k + "counties_table", "各县区主要指标（最新季度）", kpis, List.of("county"),
                List.of("members_end", "members_net_growth", "members_growth_rate", "new_form_members_joined", "hardship_on_file_end",
                        "hardship_lift_out_rate", "competition_entrants"),
                counties, true);
        Chart rankGrowth = Charts.ranking(k + "rank_growth_rate", "县区排名：" + name(catalogue, "members_growth_rate"), kpis, "county",
                "members_growth_rate", counties);
        Chart rankLiftOut = Charts.ranking(k + "rank_lift_out_rate", "县区排名：" + name(catalogue, "hardship_lift_out_rate"), kpis, "county",
                "hardship_lift_out_rate", counties);
        Chart membersTrend = Charts.timeseries(k + "members_trend", "各县区期末会员数趋势", kpis, false, List.of("members_end"),
                List.of("county"), counties);
        Chart liftOutTrend = Charts.timeseries(k + "lift_out_trend", "各县区解困脱困率趋势", kpis, false, List.of("hardship_lift_out_rate"),
                List.of("county"), counties);
        Chart newFormTrend = Charts.timeseries(k + "new_form_trend", "各县区新就业形态劳动者入会数", kpis, true,
                List.of("new_form_members_joined"), List.of("county"), counties);
        return new Dashboard(CITY, "市级：各县区对比", "一个城市的各县区并列比较：最新季度的主要指标与排名，以及各县区的趋势。",
                List.of(row(cell(table, 12, 50)), row(cell(rankGrowth, 6, 60), cell(rankLiftOut, 6, 60)),
                        row(cell(membersTrend, 6, 50), cell(liftOutTrend, 6, 50)), row(cell(newFormTrend, 12, 50))),
                List.of(new Dashboard.NativeFilter("city_province", "省份", kpis, "province", false, null, null),
                        new Dashboard.NativeFilter("city_city", "城市", kpis, "city", false, "city_province", null, DEMO_CITY),
                        new Dashboard.NativeFilter("city_period", "季度", kpis, "period", true, null, Filter.eq("period_type", "quarter"))),
                false);
    }

    /**
     * The county scorecard with the targets against actuals (attainment and expected pace per county, each target in
     * a table), the issued letters with links to their PDFs, the follow-up ledger (each county's items by status, and every
     * item) and the yearly evaluation. The scorecard and the targets show the latest quarter; the letters every quarter's,
     * narrowed by 季度; the ledger and the evaluation have no quarter: the ledger is where every item stands now.
     */
    static Dashboard scorecard(Dataset scorecard, Dataset targets, Dataset letters, Dataset ledger, Dataset evaluation) {
        String k = "scorecard_";
        Chart table = Charts.rawTable(k + "table", "县区季度指导书", scorecard,
                List.of("county_code", "county_name", "kpi_order", "kpi_name_zh", "unit", "value", "previous_value", "change_on_quarter", "year_ago_value", "change_on_year",
                        "rank_label", "flag_label", "dq_findings"),
                List.of(), List.of(new Chart.Order("county_code", true), new Chart.Order("kpi_order", true)), 2000, true);
        Chart flags = Charts.table(k + "flags", "各县区提示汇总", scorecard, List.of("county_name"),
                List.of("bottom_quarter_count", "best_rank", "dq_findings_total", "kpis_ranked"), List.of(), true);
        Chart bottom = Charts.ranking(k + "bottom_ranking", "位于全市后四分之一的指标数", scorecard, "county_name", "bottom_quarter_count",
                List.of());
        Chart attainment = Charts.bars(k + "target_attainment", "各县区目标完成率与序时进度（最新季度）", targets, "county_name",
                List.of("attainment", "expected_pace"), List.of());
        Chart behind = Charts.table(k + "targets_behind", "落后于序时进度的目标数", targets, List.of("county_name"),
                List.of("targets_behind", "targets_set"), List.of(), true);
        Chart targetTable = Charts.rawTable(k + "targets", "目标任务完成情况（最新季度）", targets,
                List.of("county_code", "county_name", "kpi_name_zh", "issuer_name", "target_period", "unit", "target_value", "actual_value",
                        "attainment_pct", "expected_pace_pct", "pace_label"),
                List.of(), List.of(new Chart.Order("county_code", true), new Chart.Order("kpi_name_zh", true),
                        new Chart.Order("target_period", true)), 2000, true);
        Chart issued = Charts.linkTable(k + "letters", "已签发的指导书", letters,
                List.of("period", "county_code", "county_name", "edition", "signed", "pdf_link"),
                List.of(new Chart.Order("period", false), new Chart.Order("county_code", true), new Chart.Order("edition", false)), 2000);
        // Most items without feedback first.
        Chart ledgerByCounty = Charts.table(k + "ledger_by_county", "各县区台账事项办理情况", ledger, List.of("county_name"),
                List.of("items_open", "items_answered", "items_closed", "items_overdue", "items_total"), List.of(), false);
        Chart ledgerItems = Charts.rawTable(k + "ledger_items", "工作台账：指导书事项及反馈", ledger,
                List.of("county_name", "item_id", "source_label", "text", "due_period", "status_zh", "overdue_label", "feedback_text"),
                List.of(), List.of(new Chart.Order("item_id", true)), 2000, false);
        Chart yearly = Charts.rawTable(k + "evaluation", "县区年度考核（总分与各部分得分）", evaluation,
                List.of("evaluation_year", "rank_in_city", "county_name", "total_score", "target_score", "rank_score", "follow_up_score",
                        "reporting_score", "target_attainment_pct", "items_due", "items_closed"),
                List.of(), List.of(new Chart.Order("evaluation_year", false), new Chart.Order("rank_in_city", true)), 2000, false);
        return new Dashboard(SCORECARD, "县区季度指导书", "每季度末市总工会对各县区的评价依据：本季度数值、较上季度与上年同期的变化、全市排名（1 = 最好）与提示；"
                + "目标任务完成率与序时进度；已签发的指导书（PDF）；指导书事项的办理情况（工作台账）与年度考核。",
                List.of(row(cell(flags, 6, 50), cell(bottom, 6, 50)), row(cell(attainment, 8, 60), cell(behind, 4, 60)),
                        row(cell(targetTable, 12, 80)), row(cell(table, 12, 100)), row(cell(issued, 12, 60)),
                        row(cell(ledgerByCounty, 12, 50)), row(cell(ledgerItems, 12, 80)), row(cell(yearly, 12, 50))),
                List.of(new Dashboard.NativeFilter("scorecard_city", "城市", scorecard, "city_name", false, null, null, DEMO_CITY),
                        new Dashboard.NativeFilter("scorecard_county", "县区", scorecard, "county_name", false, "scorecard_city", null),
                        new Dashboard.NativeFilter("scorecard_period", "季度", scorecard, "period", true, null, null)),
                false);
    }

    static Dashboard dataQuality(Map<String, Dataset> ds) {
        Dataset completeness = ds.get(WarehouseDatasets.COMPLETENESS);
        Dataset units = ds.get(WarehouseDatasets.COUNTY_REPORTING);
        Dataset quarantine = ds.get(WarehouseDatasets.QUARANTINE);
        Dataset findings = ds.get(WarehouseDatasets.DQ_FINDINGS);
        Dataset runs = ds.get(WarehouseDatasets.RUNS);
        String k = "dq_";
        Chart byCity = Charts.table(k + "completeness_by_city", "各城市报送完整率与及时率（最新季度）", completeness, List.of("city_name"),
                List.of("completeness_rate", "timeliness_rate", "expected_total", "received_total", "missing_total"),
                List.of(Filter.eq("org_level", "city"), Filter.eq("period_type", "quarter")), true);
        Chart trend = Charts.timeseries(k + "completeness_trend", "报送完整率与及时率趋势（全部省份）", completeness, false,
                List.of("completeness_rate", "timeliness_rate"), List.of(), List.of(Filter.eq("org_level", "province"),
                        Filter.eq("period_type", "quarter")));
        // Every county-level unit in scope owes its reports, so a unit that never sent a file is listed here by name.
        // Sorted by region code: by province, then city, then county.
        Chart silent = Charts.rawTable(k + "silent_units", "未报送单位（最新季度）", units,
                List.of("province_name", "city_name", "county_code", "county_name", "expected", "missing"),
                List.of(Filter.eq("reporting_status", "none")), List.of(new Chart.Order("county_code", true)), UNITS_LIMIT, true);
        Chart partial = Charts.rawTable(k + "partial_units", "部分报送单位（最新季度）", units,
                List.of("province_name", "city_name", "county_code", "county_name", "expected", "received", "missing", "missing_types",
                        "late_types"),
                List.of(Filter.eq("reporting_status", "partial")), List.of(new Chart.Order("county_code", true)), UNITS_LIMIT, true);
        Chart byError = Charts.table(k + "quarantine_by_error", "隔离区：按错误类型", quarantine, List.of("error_code"),
                List.of("quarantined_rows", "files_affected", "example_message"), List.of(), false);
        Chart byRule = Charts.table(k + "findings_by_rule", "数据质量发现：按规则", findings, List.of("rule_id", "severity"),
                List.of("findings"), List.of(), false);
        Chart findingTable = Charts.rawTable(k + "findings", "数据质量发现", findings,
                List.of("period", "severity", "rule_id", "city_name", "county_name", "org_name", "kpi_id", "value", "reference", "message_zh"),
                List.of(), List.of(new Chart.Order("period", false), new Chart.Order("severity", true), new Chart.Order("rule_id", true),
                        new Chart.Order("org_name", true)), 500, false);
        Chart runTable = Charts.rawTable(k + "runs", "运行历史（入库批次）", runs,
                List.of("run_id", "started_at", "finished_at", "files", "rows_read", "accepted", "duplicates", "quarantined", "refused_files",
                        "replaced_files"),
                List.of(), List.of(new Chart.Order("started_at", false)), 100, false);
        return new Dashboard(DATA_QUALITY, "数据质量与报送",
                "供数据工程师使用：报送完整性与及时性、未报送与部分报送的单位、隔离区、数据质量发现与入库运行历史。",
                List.of(row(cell(byCity, 6, 50), cell(trend, 6, 50)), row(cell(silent, 6, 60), cell(partial, 6, 60)),
                        row(cell(byError, 8, 50), cell(byRule, 4, 50)), row(cell(findingTable, 12, 60)), row(cell(runTable, 12, 40))),
                List.of(new Dashboard.NativeFilter("dq_period", "季度", completeness, "period", true, null, Filter.eq("period_type", "quarter")),
                        new Dashboard.NativeFilter("dq_city", "城市", completeness, "city_name", false, null, null)),
                true);
    }
}
