package org.unionstats.dashboards.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The 县区季度指导书 dashboard: the scorecard, each county's targets against actuals (attainment and expected pace), and
 * the issued letters with links to their archived PDFs, the follow-up ledger and the yearly evaluation; the region filters
 * apply to all of it, the quarter filter to none of the ledger or the evaluation.
 */
class ScorecardDashboardTest {

    private static final AssetGenerator GENERATOR = AssetGenerator.load();

    private static Dashboard scorecard() {
        return GENERATOR.dashboards().stream().filter(d -> d.slug().equals(LeaderDashboards.SCORECARD)).findFirst().orElseThrow();
    }

    @Test
    void theTargetsDatasetIsTheCountyTargetsAtEachQuartersEndUnderTheRegionRules() {
        Dataset targets = WarehouseDatasets.targets();
        assertThat(targets.sql()).contains("FROM unionstats.kpi.targets t")
                .contains("WHERE t.org_level = 'county' AND t.period_type = 'quarter'")
                .as("the latest quarter of the targets, not of another table")
                .contains("(SELECT max(period) AS latest_period FROM unionstats.kpi.targets WHERE period_type = 'quarter')");
        assertThat(targets.regionColumn()).isEqualTo("city_code");
        for (String column : List.of("city_code", "city_name", "county_code", "county_name", "period", "kpi_name_zh", "target_value",
                "actual_value", "attainment_pct", "expected_pace_pct", "on_pace", "pace_label", "is_latest_period")) {
            assertThat(targets.hasColumn(column)).as(column).isTrue();
        }
        assertThat(targets.metrics()).extracting(Metric::name, Metric::expression, Metric::d3format).contains(
                org.assertj.core.groups.Tuple.tuple("attainment", "AVG(attainment_pct)", ",.1f"),
                org.assertj.core.groups.Tuple.tuple("expected_pace", "AVG(expected_pace_pct)", ",.1f"),
                org.assertj.core.groups.Tuple.tuple("targets_behind", "SUM(CASE WHEN NOT on_pace THEN 1 ELSE 0 END)", ",d"));
    }

    @Test
    void eachCountysAttainmentStandsBesideItsExpectedPaceAndEachTargetIsListed() {
        Chart bars = GENERATOR.chart("scorecard_target_attainment");
        assertThat(bars.dataset().key()).isEqualTo(WarehouseDatasets.TARGETS);
        assertThat(bars.dimensions()).containsExactly("county_name");
        assertThat(bars.metrics()).containsExactly("attainment", "expected_pace");
        assertThat(bars.queryFilters()).containsExactly(Filter.isTrue("is_latest_period"));

        Chart table = GENERATOR.chart("scorecard_targets");
        assertThat(table.columns()).containsExactly("county_code", "county_name", "kpi_name_zh", "issuer_name", "target_period", "unit",
                "target_value", "actual_value", "attainment_pct", "expected_pace_pct", "pace_label");
        assertThat(table.style().path("allow_render_html").asBoolean(true)).isFalse();
        assertThat(scorecard().charts()).extracting(Chart::key).contains("scorecard_table", "scorecard_target_attainment",
                "scorecard_targets_behind", "scorecard_targets", "scorecard_letters");
    }

    @Test
    void theLettersLinkToTheArchivedPdfAtTheLayoutsPath() {
        Dataset letters = WarehouseDatasets.issuedLetters();
        assertThat(letters.regionColumn()).isEqualTo("city_code");
        // The path is the layout's, with the row's columns in place of the codes: 130300/2024Q3/2024Q3-130302-1.pdf.
        String path = "'" + WarehouseLayout.archivedLetterPath("' || i.city_code || '", "' || i.period || '", "' || i.letter_id || '",
                "' || CAST(i.edition AS VARCHAR) || '") + "'";
        assertThat(path).isEqualTo("'' || i.city_code || '/' || i.period || '/' || i.letter_id || '-' || CAST(i.edition AS VARCHAR) || '.pdf'");
        assertThat(letters.sql()).contains(path + " AS pdf_path")
                .contains("'<a href=\"" + WarehouseDatasets.LETTERS_URL + "' || " + path + " || '\" target=\"_blank\">'")
                .contains("FROM unionstats.kpi.letters_issued i");

        Chart table = GENERATOR.chart("scorecard_letters");
        assertThat(table.columns()).containsExactly("period", "county_code", "county_name", "edition", "signed", "pdf_link");
        assertThat(table.style().path("allow_render_html").asBoolean()).as("the link renders as a link").isTrue();
        assertThat(table.latestOnly()).as("every quarter's letters, narrowed by 季度").isFalse();
    }

    @Test
    void theCityCountyAndQuarterFiltersReachTheTargetsAndTheLetters() {
        Dashboard dashboard = scorecard();
        for (Dashboard.NativeFilter f : dashboard.filters()) {
            assertThat(GENERATOR.chart("scorecard_letters").dataset().hasColumn(f.column())).as(f.nameZh()).isTrue();
            assertThat(GENERATOR.chart("scorecard_targets").dataset().hasColumn(f.column())).as(f.nameZh()).isTrue();
        }
    }

    @Test
    void theLedgerCountsEachCountysItemsByStatusAndListsEveryItemInChinese() {
        Dataset ledger = WarehouseDatasets.ledgerItems();
        assertThat(ledger.regionColumn()).isEqualTo("city_code");
        assertThat(ledger.sql()).contains("FROM unionstats.kpi.ledger_items l")
                .contains("CASE l.status WHEN 'open' THEN '未反馈' WHEN 'answered' THEN '已答复' WHEN 'closed' THEN '已办结' END AS status_zh")
                .contains("CASE WHEN l.overdue THEN '逾期' ELSE '' END AS overdue_label");
        // Each status counted by its own metric, so open + answered + closed = all items of a county.
        assertThat(ledger.metrics()).extracting(Metric::name, Metric::expression, Metric::labelZh).containsExactly(
                org.assertj.core.groups.Tuple.tuple("items_open", "SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END)", "未反馈"),
                org.assertj.core.groups.Tuple.tuple("items_answered", "SUM(CASE WHEN status = 'answered' THEN 1 ELSE 0 END)", "已答复"),
                org.assertj.core.groups.Tuple.tuple("items_closed", "SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END)", "已办结"),
                org.assertj.core.groups.Tuple.tuple("items_overdue", "SUM(CASE WHEN overdue THEN 1 ELSE 0 END)", "逾期"),
                org.assertj.core.groups.Tuple.tuple("items_total", "COUNT(*)", "事项数"));

        Chart byCounty = GENERATOR.chart("scorecard_ledger_by_county");
        assertThat(byCounty.dataset().key()).isEqualTo(WarehouseDatasets.LEDGER_ITEMS);
        assertThat(byCounty.dimensions()).containsExactly("county_name");
        assertThat(byCounty.metrics()).containsExactly("items_open", "items_answered", "items_closed", "items_overdue", "items_total");
        assertThat(byCounty.queryFilters()).as("every item, whichever quarter issued it").isEmpty();

        Chart items = GENERATOR.chart("scorecard_ledger_items");
        assertThat(items.columns()).containsExactly("county_name", "item_id", "source_label", "text", "due_period", "status_zh",
                "overdue_label", "feedback_text");
        assertThat(items.style().path("allow_render_html").asBoolean(true)).as("the feedback is what a county wrote: shown as text").isFalse();
        assertThat(items.queryFilters()).isEmpty();
        assertThat(scorecard().charts()).extracting(Chart::key).contains("scorecard_ledger_by_county", "scorecard_ledger_items",
                "scorecard_evaluation");
    }

    @Test
    void theEvaluationListsEachCountysTotalAndPartsByYear() {
        Dataset evaluation = WarehouseDatasets.countyEvaluation();
        assertThat(evaluation.regionColumn()).isEqualTo("city_code");
        assertThat(evaluation.sql()).contains("FROM unionstats.kpi.county_evaluation e").contains("e.period AS evaluation_year");
        Chart table = GENERATOR.chart("scorecard_evaluation");
        assertThat(table.columns()).startsWith("evaluation_year", "rank_in_city", "county_name", "total_score")
                .contains("target_score", "rank_score", "follow_up_score", "reporting_score");
        assertThat(table.orderBy()).containsExactly(new Chart.Order("evaluation_year", false), new Chart.Order("rank_in_city", true));
    }

    @Test
    void theCityAndCountyFiltersReachTheLedgerAndTheEvaluationButNotTheQuarter() {
        for (Dashboard.NativeFilter f : scorecard().filters()) {
            boolean quarter = f.column().equals("period");
            for (String chart : List.of("scorecard_ledger_by_county", "scorecard_ledger_items", "scorecard_evaluation")) {
                assertThat(GENERATOR.chart(chart).dataset().hasColumn(f.column())).as(chart + ": " + f.nameZh()).isEqualTo(!quarter);
            }
        }
    }
}
