package org.unionstats.dashboards.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionstats.dashboards.assets.WarehouseDatasets;

/**
 * What a leader can read, from the checked-in assets and dashboards/access.yaml (the files a deploy
 * sends): no quarantine message or raw row, counts only; no table chart renders HTML; and a leader
 * without a region's role sees nothing.
 */
class LeaderAccessTest {

    static final Path ROOT = Path.of(System.getProperty("unionstats.root", "..")).toAbsolutePath().normalize();
    static final Path ASSETS = ROOT.resolve("dashboards/assets");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What quotes a submitter: the quarantine's messages and the row as sent. */
    static final List<String> QUOTES_THE_SUBMITTER = List.of("message_zh", "message_en", "raw_row");

    static AccessPolicy policy;
    static Map<String, JsonNode> datasets = new HashMap<>();
    static Map<String, String> datasetByUuid = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        policy = AccessPolicy.load(ROOT.resolve("dashboards/access.yaml"));
        try (Stream<Path> files = Files.list(ASSETS.resolve("datasets/unionstats_trino"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode dataset = YAML.readTree(file.toFile());
                datasets.put(dataset.path("table_name").asText(), dataset);
                datasetByUuid.put(dataset.path("uuid").asText(), dataset.path("table_name").asText());
            }
        }
    }

    @Test
    void everyLeaderDatasetIsDeployed() {
        assertThat(datasets.keySet()).containsAll(policy.leaderDatasets());
    }

    @Test
    void everyLeaderDatasetHasTheColumnTheRegionRulesFilterOn() {
        for (String name : policy.leaderDatasets()) {
            List<String> columns = new ArrayList<>();
            datasets.get(name).path("columns").forEach(c -> columns.add(c.path("column_name").asText()));
            for (AccessPolicy.Region region : policy.regions()) {
                assertThat(columns).as(name + " is filtered by " + region.clause()).contains(region.column());
            }
        }
    }

    @Test
    void theUnitListsFollowTheRulesOfTheCompletenessTable() {
        // Every dataset over the reporting completeness (the silent units' list included) is governed like
        // dash_reporting_completeness: a leader dataset, so deploy puts the region rules and the no-region rule on it.
        Set<String> overCompleteness = new HashSet<>();
        datasets.forEach((name, dataset) -> {
            if (dataset.path("sql").asText().contains("ops.reporting_completeness")) {
                overCompleteness.add(name);
            }
        });
        assertThat(overCompleteness).contains(WarehouseDatasets.COMPLETENESS, WarehouseDatasets.COUNTY_REPORTING);
        assertThat(policy.leaderDatasets()).contains(WarehouseDatasets.COMPLETENESS).containsAll(overCompleteness);
    }

    @Test
    void leadersReadQuarantineCountsButNoMessageNorRawRow() {
        for (String name : policy.leaderDatasets()) {
            JsonNode dataset = datasets.get(name);
            String sql = dataset.path("sql").asText().toLowerCase(Locale.ROOT);
            if (!sql.contains("ops.quarantine")) {
                continue;
            }
            List<String> exposed = new ArrayList<>();
            dataset.path("columns").forEach(c -> exposed.add(c.path("column_name").asText() + " " + c.path("expression").asText("")));
            dataset.path("metrics").forEach(m -> exposed.add(m.path("metric_name").asText() + " " + m.path("expression").asText("")));
            exposed.add(sql);
            for (String field : QUOTES_THE_SUBMITTER) {
                assertThat(exposed).as(name + " is a leader's dataset: no " + field).noneMatch(e -> e.toLowerCase(Locale.ROOT).contains(field));
            }
            assertThat(sql).as(name + " aggregates, so no single quarantined row can be asked of it").contains("group by");
            assertThat(exposed).as(name + ": no file name either").noneMatch(e -> e.startsWith("source_file"));
            assertThat(dataset.path("metrics")).extracting(m -> m.path("metric_name").asText()).as("counts by error code")
                    .contains("quarantined_rows");
            assertThat(dataset.path("columns")).extracting(c -> c.path("column_name").asText()).contains("error_code", "city_code");
        }
        assertThat(policy.leaderDatasets()).as("the leaders keep the quarantine counts").contains(WarehouseDatasets.QUARANTINE_COUNTS);
    }

    @Test
    void everyDatasetThatShowsMessagesOrRawRowsIsAdminOnly() {
        Set<String> quoting = new HashSet<>();
        datasets.forEach((name, dataset) -> {
            String text = dataset.toString().toLowerCase(Locale.ROOT);
            if (text.contains("ops.quarantine") && QUOTES_THE_SUBMITTER.stream().anyMatch(text::contains)) {
                quoting.add(name);
            }
        });
        assertThat(quoting).as("the full quarantine exists, for Admin").contains(WarehouseDatasets.QUARANTINE);
        assertThat(policy.leaderDatasets()).doesNotContainAnyElementsOf(quoting);
    }

    @Test
    void theLeadersDashboardsReadOnlyLeaderDatasetsAndTheOthersAreAdminOnly() throws Exception {
        Map<String, String> chartDataset = new HashMap<>();
        try (Stream<Path> files = Files.list(ASSETS.resolve("charts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode chart = YAML.readTree(file.toFile());
                chartDataset.put(chart.path("uuid").asText(), datasetByUuid.get(chart.path("dataset_uuid").asText()));
            }
        }
        try (Stream<Path> files = Files.list(ASSETS.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode dashboard = YAML.readTree(file.toFile());
                String slug = dashboard.path("slug").asText();
                Set<String> read = new HashSet<>();
                dashboard.path("position").forEach(n -> {
                    if ("CHART".equals(n.path("type").asText())) {
                        read.add(chartDataset.get(n.path("meta").path("uuid").asText()));
                    }
                });
                assertThat(read).as(slug + " has charts").isNotEmpty();
                if (!policy.adminDashboards().contains(slug)) {
                    assertThat(policy.leaderDatasets()).as("the leaders' dashboard " + slug + " reads leader datasets only").containsAll(read);
                } else {
                    assertThat(read).as(slug + " (Admin only) shows the full quarantine").contains(WarehouseDatasets.QUARANTINE);
                }
            }
        }
    }

    @Test
    void noTableChartRendersHtmlFromTheData() throws Exception {
        int tables = 0;
        List<String> rendersHtml = new ArrayList<>();
        try (Stream<Path> files = Files.list(ASSETS.resolve("charts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode chart = YAML.readTree(file.toFile());
                if (!"table".equals(chart.path("viz_type").asText())) {
                    continue;
                }
                tables++;
                JsonNode html = chart.path("params").path("allow_render_html");
                assertThat(html.isBoolean()).as(file.getFileName() + " says it").isTrue();
                JsonNode formData = new ObjectMapper().readTree(chart.path("query_context").asText()).path("form_data");
                assertThat(formData.path("allow_render_html").asBoolean(true)).as(file.getFileName() + " query context").isEqualTo(html.asBoolean());
                if (html.asBoolean()) {
                    rendersHtml.add(file.getFileName().toString());
                }
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(5);
        // Only the issued letters' table, for its links to the PDFs: its dataset's text is codes, the region directory's
        // names and the link its SQL makes; nothing a submitter wrote.
        assertThat(rendersHtml).containsExactly("scorecard_letters.yaml");
        assertThat(datasets.get(WarehouseDatasets.ISSUED_LETTERS).path("sql").asText()).contains("FROM unionstats.kpi.letters_issued i")
                .contains("'<a href=\"" + WarehouseDatasets.LETTERS_URL + "'");
        String config = Files.readString(ROOT.resolve("dashboards/superset/superset_config.py"));
        assertThat(config).containsPattern("(?m)^HTML_SANITIZATION = True$");
    }

    @Test
    void theOverviewOpensOnTheViewersOwnRegion() throws Exception {
        AccessPolicy.OverviewRule rule = policy.overview();
        assertThat(rule.dataset()).isEqualTo(WarehouseDatasets.KPI_OVERVIEW);
        assertThat(policy.leaderDatasets()).as("leaders read it, under the region rules").contains(rule.dataset());
        assertThat(rule.clause()).isEqualTo("view_level = '" + WarehouseDatasets.NATIONAL_VIEW + "'");
        assertThat(datasets.get(rule.dataset()).path("columns")).extracting(c -> c.path("column_name").asText())
                .contains("view_level", "is_headline", "is_subunit", AccessPolicy.Region.CITY_COLUMN);
        assertThat(rule.exemptRoles(policy.regions())).as("秦皇岛's leaders read their city's view, everyone else the national one")
                .containsExactly("leader_130300").doesNotContain(AccessPolicy.ADMIN_ROLE, policy.leaderRole());

        Map<String, JsonNode> charts = new HashMap<>();
        try (Stream<Path> files = Files.list(ASSETS.resolve("charts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode chart = YAML.readTree(file.toFile());
                charts.put(chart.path("uuid").asText(), chart);
            }
        }
        List<String> overviewCharts = new ArrayList<>();
        YAML.readTree(ASSETS.resolve("dashboards/overview.yaml").toFile()).path("position").forEach(n -> {
            if ("CHART".equals(n.path("type").asText())) {
                overviewCharts.add(n.path("meta").path("uuid").asText());
            }
        });
        assertThat(overviewCharts).hasSize(13);
        for (String uuid : overviewCharts) {
            JsonNode chart = charts.get(uuid);
            String name = chart.path("slice_name").asText();
            assertThat(datasetByUuid.get(chart.path("dataset_uuid").asText())).as(name).isEqualTo(WarehouseDatasets.KPI_OVERVIEW);
            List<String> filtered = new ArrayList<>();
            chart.path("params").path("adhoc_filters").forEach(f -> filtered.add(f.path("subject").asText()));
            assertThat(filtered).as(name + ": not a level the viewer may not have").doesNotContain("org_level");
            assertThat(filtered).as(name + ": the headline rows or the sub-units").filteredOn(f -> f.equals("is_headline") || f.equals("is_subunit"))
                    .hasSize(1);
        }
    }

    @Test
    void aLeaderWithoutARegionSeesNothing() {
        AccessPolicy.NoRegionRule rule = policy.noRegion();
        assertThat(rule.clause().replace(" ", "")).isEqualTo("1=0");
        assertThat(rule.exemptRoles(policy.regions())).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("Admin"), policy.regions().stream().map(AccessPolicy.Region::role)).toList());
        assertThat(rule.exemptRoles(policy.regions())).as("the plain leader role is filtered").doesNotContain(policy.leaderRole());
    }
}
