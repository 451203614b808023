package org.unionstats.dashboards.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.ViewSpec;

/**
 * The data-quality dashboard lists the county-level units that sent nothing (and those that sent part of their
 * reports) by name, and shows every data-quality finding, BALANCE_MISMATCH of basic-level unions included, with its
 * message; the datasets read only tables and views that publish registers in Trino.
 */
class DataQualityDashboardTest {

    private static final AssetGenerator GENERATOR = AssetGenerator.load();

    private static Dashboard dataQuality() {
        return GENERATOR.dashboards().stream().filter(d -> d.slug().equals(LeaderDashboards.DATA_QUALITY)).findFirst().orElseThrow();
    }

    @Test
    void theSilentUnitsAreListedByNameInTheLatestQuarterSortedByCityThenCounty() {
        Chart chart = GENERATOR.chart("dq_silent_units");
        assertThat(chart.titleZh()).isEqualTo("未报送单位（最新季度）");
        assertThat(chart.dataset().key()).isEqualTo(WarehouseDatasets.COUNTY_REPORTING);
        assertThat(chart.vizType()).isEqualTo("table");
        assertThat(chart.queryFilters()).as("units that received nothing, latest quarter")
                .containsExactlyInAnyOrder(Filter.eq("reporting_status", "none"), Filter.isTrue("is_latest_period"));
        assertThat(chart.columns()).containsExactly("province_name", "city_name", "county_code", "county_name", "expected", "missing");
        // Region codes nest (province 13, city 1303, county 130303): by county code is by province, city, then county.
        assertThat(chart.orderBy()).containsExactly(new Chart.Order("county_code", true));
        assertThat(chart.rowLimit()).as("never cut short: more than the country's county-level units").isGreaterThanOrEqualTo(2850);
        assertThat(chart.style().path("allow_render_html").asBoolean(true)).isFalse();
        assertThat(dataQuality().charts()).contains(chart);
    }

    @Test
    void unitsThatSentPartOfTheirReportsShowWhichAreMissingOrLate() {
        Chart chart = GENERATOR.chart("dq_partial_units");
        assertThat(chart.dataset().key()).isEqualTo(WarehouseDatasets.COUNTY_REPORTING);
        assertThat(chart.queryFilters()).containsExactlyInAnyOrder(Filter.eq("reporting_status", "partial"), Filter.isTrue("is_latest_period"));
        assertThat(chart.columns()).contains("city_name", "county_name", "expected", "received", "missing", "missing_types", "late_types");
        assertThat(chart.orderBy()).containsExactly(new Chart.Order("county_code", true));

        Dashboard dashboard = dataQuality();
        assertThat(dashboard.rows()).anySatisfy(row -> assertThat(row.cells()).extracting(c -> c.chart().key())
                .containsExactly("dq_silent_units", "dq_partial_units"));
        assertThat(dashboard.descriptionZh()).contains("未报送");
    }

    @Test
    void theUnitDatasetHasARowForEveryCountyLevelUnitInScopeWhetherItSentAnythingOrNot() {
        Dataset units = WarehouseDatasets.countyReporting();
        String sql = units.sql();
        // The KPI job writes a row for every county-level unit of the reporting scope and quarter, received = 0 for a
        // unit that never sent a file: the dataset keeps those rows (its only inner joins are dimensions).
        assertThat(sql).contains("FROM unionstats.ops.reporting_completeness r").contains("WHERE r.org_level = 'county' AND r.record_type = 'all'");
        assertThat(sql).doesNotContain("ingest_receipts");
        assertThat(sql).contains("WHEN r.received = 0 THEN 'none'").contains("WHEN r.received < r.expected THEN 'partial'")
                .contains("r.expected - r.received AS missing");
        assertThat(sql).as("which reports are missing or late: the view that defines both").containsPattern(
                "LEFT JOIN \\(SELECT county_code, period,[\\s\\S]*FROM unionstats\\.ops\\.missing_reports");
        assertThat(units.regionColumn()).isEqualTo("city_code");
        for (String column : List.of("city_code", "province_name", "city_name", "county_code", "county_name", "period", "is_latest_period",
                "expected", "received", "missing", "reporting_status", "missing_types", "late_types")) {
            assertThat(units.hasColumn(column)).as(column).isTrue();
        }
        assertThat(units.temporalColumn().name()).isEqualTo("period_end");
        assertThat(units.hasMetric("silent_units")).isTrue();
    }

    @Test
    void theFindingsTableShowsEveryRuleAndSeverityWithItsMessageAndTheCountyOfABasicUnion() {
        Chart table = GENERATOR.chart("dq_findings");
        assertThat(table.queryFilters()).as("no rule, severity or org level left out (BALANCE_MISMATCH: warnings of basic-level unions)")
                .isEmpty();
        assertThat(table.columns()).contains("rule_id", "severity", "city_name", "county_name", "org_name", "kpi_id", "value", "reference",
                "message_zh");
        String sql = WarehouseDatasets.dqFindings().sql();
        assertThat(sql).doesNotContainPattern("(?i)\\bWHERE\\b");
        assertThat(sql).as("a finding is never dropped for its org").doesNotContainPattern("(?<!LEFT )JOIN unionstats\\.warehouse\\.dim_orgs");
        assertThat(sql).contains("COALESCE(o.county_name, c.county_name) AS county_name")
                .contains("LEFT JOIN unionstats.warehouse.dim_orgs c ON c.org_code = substr(f.org_code, 1, 6)");

        Chart byRule = GENERATOR.chart("dq_findings_by_rule");
        assertThat(byRule.dimensions()).containsExactly("rule_id", "severity");
        assertThat(byRule.metrics()).containsExactly("findings");
        assertThat(byRule.queryFilters()).isEmpty();
        assertThat(dataQuality().charts()).contains(table, byRule);
    }

    @Test
    void everyDatasetReadsOnlyTablesAndViewsThatPublishRegisters() {
        TableCatalog catalog = TableCatalog.load();
        Set<String> published = new TreeSet<>();
        catalog.tables().forEach(t -> published.add(t.schema() + "." + t.name()));
        catalog.views().forEach(v -> published.add(v.qualifiedName()));
        Pattern reference = Pattern.compile("\\bunionstats\\.(\\w+\\.\\w+)\\b");
        for (Dataset dataset : GENERATOR.datasets()) {
            Matcher m = reference.matcher(dataset.sql());
            List<String> read = new ArrayList<>();
            while (m.find()) {
                read.add(m.group(1));
            }
            assertThat(read).as(dataset.key() + " reads Trino").isNotEmpty();
            assertThat(published).as(dataset.key() + " reads only what schemas/trino/tables.yaml publishes").containsAll(read);
        }
        assertThat(published).contains("ops.missing_reports");
    }

    @Test
    void theMissingReportsViewListsMissingAndLateReportsOfCountyLevelUnitsWithEveryColumnDocumented() {
        TableCatalog catalog = TableCatalog.load();
        ViewSpec view = catalog.views().stream().filter(v -> v.qualifiedName().equals("ops.missing_reports")).findFirst().orElseThrow();
        assertThat(view.comment()).contains("缺报").contains("/ Missing");
        assertThat(view.sql()).contains("ops.reporting_completeness", "warehouse.dim_orgs");
        assertThat(view.sql()).contains("r.org_level = 'county'").contains("r.record_type <> 'all'").contains("r.on_time < r.expected")
                .contains("WHEN r.received < r.expected THEN 'missing' ELSE 'late'");
        List<String> columns = selectedColumns(view.sql());
        assertThat(columns).containsExactly("period", "province_code", "province_name", "city_code", "city_name", "county_code", "county_name",
                "is_functional_zone", "record_type", "record_type_zh", "status", "status_zh");
        for (String column : columns) {
            assertThat(view.columns().get(column)).as("ops.missing_reports." + column + " has its own bilingual comment").isNotBlank()
                    .containsPattern("\\p{IsHan}.*/ \\w");
        }
        // Every hand-written view: each column has a comment publish can give it (else publishing fails).
        for (ViewSpec v : catalog.views()) {
            for (String column : selectedColumns(v.sql())) {
                assertThat(catalog.viewColumnComment(v, column)).as(v.qualifiedName() + "." + column).isNotBlank();
            }
        }
    }

    /** The output column names of a SELECT (after its WITH clauses, if any): each top-level item's alias, or the column it names. */
    static List<String> selectedColumns(String sql) {
        Matcher select = Pattern.compile("(?is)^\\s*SELECT\\s+(.*?)\\s+FROM\\s").matcher(mainSelect(sql));
        assertThat(select.find()).as(sql).isTrue();
        String list = select.group(1);
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        items.add(list.substring(start));
        List<String> names = new ArrayList<>();
        for (String item : items) {
            Matcher alias = Pattern.compile("(?is).*\\bAS\\s+(\\w+)\\s*$").matcher(item);
            Matcher column = Pattern.compile("(?s)(?:\\w+\\.)?(\\w+)\\s*$").matcher(item.strip());
            if (alias.matches()) {
                names.add(alias.group(1));
            } else if (column.matches()) {
                names.add(column.group(1));
            } else {
                throw new AssertionError("cannot name the column of: " + item.strip());
            }
        }
        return names;
    }

    /** The statement from its first SELECT outside parentheses: a WITH clause's queries are all inside them. */
    private static String mainSelect(String sql) {
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && sql.regionMatches(true, i, "SELECT", 0, 6) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                return sql.substring(i);
            }
        }
        return sql;
    }
}
