package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unionstats.dashboards.DashboardDeployer;
import org.unionstats.dashboards.access.AccessPolicy;
import org.unionstats.dashboards.access.SupersetDirectory;
import org.unionstats.dashboards.superset.SupersetClient;
import org.unionstats.dashboards.superset.SupersetCredentials;
import org.unionstats.dashboards.superset.SupersetException;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;

/**
 * The dashboards on a real Superset 6.1 reading a real Trino: the tiny warehouse (秦皇岛) published,
 * the assets deployed through the REST API; chart data compared with the same question asked of
 * Trino directly; a second deploy changes nothing; an edited YAML file updates its chart; a city
 * leader sees only the city's rows, and opens the overview on the city and its counties; a user
 * with the leader role but no region sees no row. The 县区季度指导书 shows the city's counties' targets against actuals
 * and its issued letters, whose PDFs Superset serves to those who may read the letter's row only, and the letters' items by
 * status (the ledger) as Trino counts them, the city's items only.
 */
@ExtendWith(DashboardStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = TestWarehouse.ROOT;

    static TrinoCredentials trino;
    static SupersetServer superset;
    static SupersetClient admin;
    static DashboardDeployer.Result firstDeploy;

    @BeforeAll
    static void deploy() throws Exception {
        Path data = TestWarehouse.TARGET.resolve("dashboards-it/data");
        TestWarehouse warehouse = TestWarehouse.build(data, DashboardStack.cli);
        issueLetters(warehouse.warehouse);
        trino = DashboardStack.trinoCredentials;
        System.out.println(DashboardStack.cli.serving().publish(trino, warehouse.warehouse).describe());
        ensureFindingsTable();
        superset = DashboardStack.superset;
        firstDeploy = deployer().deploy(ROOT.resolve("dashboards"), trino);
        admin = SupersetClient.login(superset.settings().url(), SupersetCredentials.ADMIN,
                superset.credentials().users().get(SupersetCredentials.ADMIN));
    }

    static DashboardDeployer deployer() {
        return new DashboardDeployer(superset.credentials(), m -> System.err.println("[deploy] " + m));
    }

    @Test
    @Order(1)
    void everyDashboardAndChartIsThere() {
        JsonNode dashboards = DashboardDeployer.dashboards(admin);
        assertThat(dashboards).extracting(d -> d.path("slug").asText())
                .contains("overview", "city", "county-scorecard", "data-quality");
        assertThat(dashboards).extracting(d -> d.path("dashboard_title").asText()).contains("全国/全省概览", "县区季度指导书");
        assertThat(charts(admin)).hasSizeGreaterThanOrEqualTo(26);
    }

    @Test
    @Order(2)
    void countyTableShowsTheKpisTrinoHas() throws Exception {
        Map<String, Map<String, Double>> superset = byKey(chartData(admin, "city_counties_table"), "county");
        assertThat(superset).isNotEmpty();
        Map<String, Map<String, Double>> trinoValues = new TreeMap<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT county, kpi_id, value FROM unionstats.kpi.kpi_values WHERE org_level = 'county'"
                        + " AND period = (SELECT max(period) FROM unionstats.warehouse.dim_periods WHERE period_type = 'quarter')"
                        + " AND kpi_id IN ('members_end', 'members_net_growth', 'members_growth_rate', 'hardship_lift_out_rate', 'competition_entrants')")) {
            while (rs.next()) {
                double v = rs.getDouble(3);
                Double value = rs.wasNull() ? null : v;
                trinoValues.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), value);
            }
        }
        assertThat(superset.keySet()).isEqualTo(trinoValues.keySet());
        for (String county : trinoValues.keySet()) {
            for (Map.Entry<String, Double> kpi : trinoValues.get(county).entrySet()) {
                Double shown = superset.get(county).get(kpi.getKey());
                if (kpi.getValue() == null) {
                    assertThat(shown).as(county + " " + kpi.getKey()).isNull();
                } else {
                    assertThat(shown).as(county + " " + kpi.getKey()).isCloseTo(kpi.getValue(), within(1e-9 * Math.max(1, Math.abs(kpi.getValue()))));
                }
            }
        }
    }

    @Test
    @Order(3)
    void bigNumberTrendIsTheProvinceSeries() throws Exception {
        JsonNode rows = chartData(admin, "overview_members_end");
        Map<Long, Double> trinoSeries = new TreeMap<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT p.end_date, sum(v.value) FROM unionstats.kpi.kpi_values v"
                        + " JOIN unionstats.warehouse.dim_periods p ON p.period = v.period"
                        + " WHERE v.org_level = 'province' AND v.period_type = 'quarter' AND v.kpi_id = 'members_end' GROUP BY 1")) {
            while (rs.next()) {
                trinoSeries.put(rs.getDate(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), rs.getDouble(2));
            }
        }
        assertThat(rows).hasSize(trinoSeries.size()).isNotEmpty();
        for (JsonNode row : rows) {
            assertThat(row.path("members_end").asDouble()).isEqualTo(trinoSeries.get(row.path("period_end").asLong()));
        }
    }

    @Test
    @Order(4)
    void scorecardAndCompletenessMatchTrino() throws Exception {
        JsonNode scorecard = chartData(admin, "scorecard_table");
        JsonNode completeness = chartData(admin, "dq_completeness_by_city");
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement()) {
            Map<String, Double> expected = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT county_name, kpi_name_zh, value FROM unionstats.kpi.county_scorecard"
                    + " WHERE period = (SELECT max(period) FROM unionstats.kpi.county_scorecard)")) {
                while (rs.next()) {
                    double v = rs.getDouble(3);
                    Double value = rs.wasNull() ? null : v;
                    expected.put(rs.getString(1) + "/" + rs.getString(2), value);
                }
            }
            assertThat(scorecard).hasSize(expected.size()).isNotEmpty();
            for (JsonNode row : scorecard) {
                String key = row.path("county_name").asText() + "/" + row.path("kpi_name_zh").asText();
                assertThat(expected).containsKey(key);
                assertThat(row.path("value").isNull() ? null : row.path("value").asDouble()).as(key).isEqualTo(expected.get(key));
            }
            try (ResultSet rs = st.executeQuery("SELECT sum(r.received), sum(r.expected) FROM unionstats.ops.reporting_completeness r"
                    + " WHERE r.org_level = 'city' AND r.period_type = 'quarter'"
                    + " AND r.period = (SELECT max(period) FROM unionstats.warehouse.dim_periods WHERE period_type = 'quarter')")) {
                rs.next();
                assertThat(completeness).hasSize(1);
                assertThat(completeness.get(0).path("completeness_rate").asDouble()).isCloseTo(rs.getDouble(1) / rs.getDouble(2), within(1e-12));
                assertThat(completeness.get(0).path("expected_total").asLong()).isEqualTo(rs.getLong(2));
            }
        }
    }

    @Test
    @Order(5)
    void deployingTwiceChangesNothing() {
        Map<String, String> before = snapshot();
        DashboardDeployer.Result second = deployer().deploy(ROOT.resolve("dashboards"), trino);
        assertThat(second.accessChanges()).as("roles, rules and users already match").isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void anEditedYamlFileUpdatesItsChart() throws Exception {
        Path copy = TestWarehouse.TARGET.resolve("dashboards-it/edited");
        TestWarehouse.deleteTree(copy);
        copyTree(ROOT.resolve("dashboards"), copy);
        Path chart = copy.resolve("assets/charts/city_counties_table.yaml");
        Files.writeString(chart, Files.readString(chart).replace("slice_name: 各县区主要指标（最新季度）", "slice_name: 各县区主要指标（已修改）"));
        String id = chartIds(admin).get(uuidOf("city_counties_table"));
        Map<String, String> before = snapshot();

        deployer().deploy(copy, trino);
        assertThat(admin.get("api/v1/chart/" + id).path("result").path("slice_name").asText()).isEqualTo("各县区主要指标（已修改）");
        Map<String, String> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey).toList())
                .as("only the edited chart changed").containsExactly("chart " + uuidOf("city_counties_table"));

        deployer().deploy(ROOT.resolve("dashboards"), trino);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void qinhuangdaoLeaderSeesOnlyQinhuangdao() throws Exception {
        String password = superset.credentials().users().get("leader_130300");
        assertThat(password).isNotBlank();
        SupersetClient leader = SupersetClient.login(superset.settings().url(), "leader_130300", password);
        String sql = leader.get("api/v1/chart/" + chartIds(admin).get(uuidOf("city_counties_table")) + "/data/?type=query")
                .path("result").get(0).path("query").asText();
        assertThat(sql).contains("city_code = '130300'");

        JsonNode rows = chartData(leader, "city_counties_table");
        List<String> qinhuangdao = new java.util.ArrayList<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT county_name FROM unionstats.warehouse.dim_orgs WHERE org_level = 'county' AND city_code = '130300'")) {
            while (rs.next()) {
                qinhuangdao.add(rs.getString(1));
            }
        }
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> assertThat(qinhuangdao).contains(r.path("county").asText()));
        JsonNode scorecard = chartData(leader, "scorecard_table");
        assertThat(scorecard).isNotEmpty();

        // The leader's view only: no data-quality dashboard, no SQL Lab, no editing.
        assertThatThrownBy(() -> leader.get("api/v1/dashboard/data-quality")).isInstanceOf(SupersetException.class);
        assertThatThrownBy(() -> leader.put("api/v1/chart/" + chartIds(admin).get(uuidOf("city_counties_table")),
                JSON.createObjectNode().put("slice_name", "x"))).isInstanceOf(SupersetException.class);
    }

    @Test
    @Order(8)
    void qinhuangdaoLeaderOpensTheOverviewOnQinhuangdaoAndAdminOnTheProvinces() throws Exception {
        SupersetClient leader = SupersetClient.login(superset.settings().url(), "leader_130300",
                superset.credentials().users().get("leader_130300"));
        String chartId = chartIds(admin).get(uuidOf("overview_members_end"));
        String leaderSql = leader.get("api/v1/chart/" + chartId + "/data/?type=query").path("result").get(0).path("query").asText();
        assertThat(leaderSql).contains("city_code = '130300'").doesNotContain("view_level = 'national'");
        String adminSql = admin.get("api/v1/chart/" + chartId + "/data/?type=query").path("result").get(0).path("query").asText();
        assertThat(adminSql).contains("view_level = 'national'").doesNotContain("city_code = '130300'");

        Map<Long, Double> citySeries = new TreeMap<>();
        List<String> counties = new java.util.ArrayList<>();
        List<String> provinces = new java.util.ArrayList<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT p.end_date, v.value FROM unionstats.kpi.kpi_values v"
                    + " JOIN unionstats.warehouse.dim_periods p ON p.period = v.period"
                    + " WHERE v.org_code = '130300' AND v.period_type = 'quarter' AND v.kpi_id = 'members_end'")) {
                while (rs.next()) {
                    citySeries.put(rs.getDate(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), rs.getDouble(2));
                }
            }
            String latest = " AND v.period = (SELECT max(period) FROM unionstats.warehouse.dim_periods WHERE period_type = 'quarter')";
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT v.org_name FROM unionstats.kpi.kpi_values v"
                    + " JOIN unionstats.warehouse.dim_orgs o ON o.org_code = v.org_code WHERE v.org_level = 'county' AND o.city_code = '130300'" + latest)) {
                while (rs.next()) {
                    counties.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT v.org_name FROM unionstats.kpi.kpi_values v WHERE v.org_level = 'province'" + latest)) {
                while (rs.next()) {
                    provinces.add(rs.getString(1));
                }
            }
        }
        // The city's own figures, not the provinces' its region rule removes.
        JsonNode members = chartData(leader, "overview_members_end");
        assertThat(members).hasSize(citySeries.size()).isNotEmpty();
        for (JsonNode row : members) {
            assertThat(row.path("members_end").asDouble()).isEqualTo(citySeries.get(row.path("period_end").asLong()));
        }
        assertThat(counties).as("秦皇岛's county-level units with KPIs").isNotEmpty();
        assertThat(chartData(leader, "overview_subunits_table")).extracting(r -> r.path("org_name").asText())
                .as("秦皇岛's leader: its county-level units").containsExactlyInAnyOrderElementsOf(counties);
        assertThat(chartData(admin, "overview_subunits_table")).extracting(r -> r.path("org_name").asText())
                .as("Admin: the provinces").containsExactlyInAnyOrderElementsOf(provinces);
        for (String chart : List.of("overview_members_trend", "overview_lift_out_trend", "overview_hardship_lift_out_rate", "overview_province_map")) {
            assertThat(chartData(leader, chart)).as(chart + " shows 秦皇岛's leader their city").isNotEmpty();
        }
    }

    @Test
    @Order(9)
    void aUserWithTheLeaderRoleButNoRegionSeesNoRow() throws Exception {
        SupersetDirectory directory = new SupersetDirectory(admin);
        AccessPolicy policy = AccessPolicy.load(ROOT.resolve("dashboards/access.yaml"));
        int leaderRole = directory.roles().get(policy.leaderRole()).path("id").asInt();
        String username = "leader_without_region";
        String password = "No-region-" + Long.toHexString(System.nanoTime());
        ObjectNode user = JSON.createObjectNode().put("first_name", "无地区").put("last_name", "领导").put("email", username + "@unionstats.local")
                .put("active", true).put("password", password);
        user.putArray("roles").add(leaderRole);
        JsonNode existing = directory.users().get(username);
        if (existing == null) {
            admin.post("api/v1/security/users/", user.put("username", username));
        } else {
            admin.put("api/v1/security/users/" + existing.path("id").asInt(), user);
        }
        noRegionPassword = password;
        SupersetClient noRegion = SupersetClient.login(superset.settings().url(), username, password);
        for (String chart : List.of("city_counties_table", "scorecard_table", "overview_members_end", "scorecard_ledger_by_county")) {
            String sql = noRegion.get("api/v1/chart/" + chartIds(admin).get(uuidOf(chart)) + "/data/?type=query")
                    .path("result").get(0).path("query").asText();
            assertThat(sql).as(chart + ": the Base rule applies").contains("1 = 0");
            assertThat(chartData(noRegion, chart)).as(chart + " shows a leader without a region nothing").isEmpty();
            assertThat(chartData(admin, chart)).as(chart + ": Admin is spared").isNotEmpty();
        }
        SupersetClient qinhuangdao = SupersetClient.login(superset.settings().url(), "leader_130300",
                superset.credentials().users().get("leader_130300"));
        assertThat(chartData(qinhuangdao, "city_counties_table")).as("a region's leader is spared").isNotEmpty();
    }

    @Test
    @Order(10)
    void everyDashboardOpensInChromiumWithoutAChartError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DashboardBrowser.available(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path shots = TestWarehouse.TARGET.resolve("dashboards-it/screenshots");
        Map<String, Integer> expectedCharts = Map.of("overview", 13, "city", 6, "county-scorecard", 10, "data-quality", 8);
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn(SupersetCredentials.ADMIN, superset.credentials().users().get(SupersetCredentials.ADMIN));
            for (Map.Entry<String, Integer> dashboard : new TreeMap<>(expectedCharts).entrySet()) {
                DashboardBrowser.Page page = browser.open(dashboard.getKey(), shots.resolve(dashboard.getKey() + ".png"));
                assertThat(page.stillLoading()).as(dashboard.getKey() + " finished loading").isFalse();
                assertThat(page.charts()).as(dashboard.getKey() + " charts").isEqualTo(dashboard.getValue());
                assertThat(page.errors()).as(dashboard.getKey() + " shows no error").isEmpty();
                assertThat(shots.resolve(dashboard.getKey() + ".png")).isNotEmptyFile();
            }
        }
    }

    @Test
    @Order(11)
    void qinhuangdaoLeaderSeesQinhuangdaoInTheOverviewInChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DashboardBrowser.available(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        double members;
        List<String> counties = new java.util.ArrayList<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT value FROM unionstats.kpi.kpi_values WHERE org_code = '130300' AND kpi_id = 'members_end'"
                    + " AND period = (SELECT max(period) FROM unionstats.warehouse.dim_periods WHERE period_type = 'quarter')")) {
                assertThat(rs.next()).as("秦皇岛's members at the latest quarter").isTrue();
                members = rs.getDouble(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT v.org_name FROM unionstats.kpi.kpi_values v"
                    + " JOIN unionstats.warehouse.dim_orgs o ON o.org_code = v.org_code WHERE v.org_level = 'county' AND o.city_code = '130300'"
                    + " AND v.period = (SELECT max(period) FROM unionstats.warehouse.dim_periods WHERE period_type = 'quarter')")) {
                while (rs.next()) {
                    counties.add(rs.getString(1));
                }
            }
        }
        Path shots = TestWarehouse.TARGET.resolve("dashboards-it/screenshots");
        int emptyForAdmin;
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn(SupersetCredentials.ADMIN, superset.credentials().users().get(SupersetCredentials.ADMIN));
            emptyForAdmin = emptyCharts(browser.open("overview", shots.resolve("overview-admin.png")));
        }
        Path shot = shots.resolve("overview-leader_130300.png");
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn("leader_130300", superset.credentials().users().get("leader_130300"));
            DashboardBrowser.Page page = browser.open("overview", shot);
            assertThat(page.stillLoading()).as("the overview finished loading").isFalse();
            assertThat(page.charts()).isEqualTo(13);
            assertThat(page.errors()).as("no chart error").isEmpty();
            // A chart is empty only where the warehouse has no such figure at all (the tiny sample sends no competition
            // entries), as it is for Admin; before, the region rule left the city's leader every chart empty.
            assertThat(emptyCharts(page)).as("no more empty charts than Admin's").isLessThanOrEqualTo(emptyForAdmin).isLessThan(page.charts());
            // The big number, as its format ",.0f" writes it, and the city's county-level units in the sub-units table.
            assertThat(page.text()).as("秦皇岛's members").contains(String.format(java.util.Locale.ROOT, "%,d", Math.round(members)));
            assertThat(page.text()).as("秦皇岛's county-level units").contains(counties);
        }
        assertThat(shot).isNotEmptyFile();
    }

    @Test
    @Order(12)
    void theScorecardShowsQinhuangdaosCountiesTargetsAsTrinoHasThem() throws Exception {
        SupersetClient leader = SupersetClient.login(superset.settings().url(), "leader_130300",
                superset.credentials().users().get("leader_130300"));
        Map<String, double[]> expected = new TreeMap<>();
        Map<String, double[]> perCounty = new TreeMap<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement()) {
            String latest = " AND t.org_level = 'county' AND t.period_type = 'quarter'"
                    + " AND t.period = (SELECT max(period) FROM unionstats.kpi.targets WHERE period_type = 'quarter')";
            try (ResultSet rs = st.executeQuery("SELECT t.org_name, t.kpi_name_zh, t.issuer_name, t.target_period, t.target_value, t.actual_value,"
                    + " t.attainment_pct, t.expected_pace_pct FROM unionstats.kpi.targets t JOIN unionstats.warehouse.dim_orgs o ON o.org_code = t.org_code"
                    + " WHERE o.city_code = '130300'" + latest)) {
                while (rs.next()) {
                    expected.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4),
                            new double[] {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)});
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT t.org_name, avg(t.attainment_pct), avg(t.expected_pace_pct) FROM unionstats.kpi.targets t"
                    + " JOIN unionstats.warehouse.dim_orgs o ON o.org_code = t.org_code WHERE o.city_code = '130300'" + latest + " GROUP BY 1")) {
                while (rs.next()) {
                    perCounty.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
        assertThat(expected).as("秦皇岛's county-level units have targets in the tiny sample").isNotEmpty();

        JsonNode table = chartData(leader, "scorecard_targets");
        assertThat(table).hasSize(expected.size());
        for (JsonNode row : table) {
            String key = row.path("county_name").asText() + "/" + row.path("kpi_name_zh").asText() + "/" + row.path("issuer_name").asText()
                    + "/" + row.path("target_period").asText();
            assertThat(expected).as("a target of 秦皇岛's").containsKey(key);
            double[] e = expected.get(key);
            assertThat(new double[] {row.path("target_value").asDouble(), row.path("actual_value").asDouble(), row.path("attainment_pct").asDouble(),
                    row.path("expected_pace_pct").asDouble()}).as(key).containsExactly(e, within(1e-9));
            assertThat(row.path("pace_label").asText()).isIn("达到序时进度", "落后于序时进度", "无实际值");
        }
        JsonNode bars = chartData(leader, "scorecard_target_attainment");
        assertThat(bars).extracting(r -> r.path("county_name").asText()).containsExactlyInAnyOrderElementsOf(perCounty.keySet());
        for (JsonNode row : bars) {
            double[] e = perCounty.get(row.path("county_name").asText());
            assertThat(row.path("attainment").asDouble()).isCloseTo(e[0], within(1e-9));
            assertThat(row.path("expected_pace").asDouble()).isCloseTo(e[1], within(1e-9));
        }
        String sql = leader.get("api/v1/chart/" + chartIds(admin).get(uuidOf("scorecard_targets")) + "/data/?type=query")
                .path("result").get(0).path("query").asText();
        assertThat(sql).contains("city_code = '130300'");
    }

    @Test
    @Order(13)
    void theIssuedLettersOpenAsPdfForTheirCitysLeaderOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DashboardBrowser.available(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        List<String> qinhuangdao = new java.util.ArrayList<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT letter_id || '-' || CAST(edition AS varchar) FROM unionstats.kpi.letters_issued"
                        + " WHERE city_code = '130300'")) {
            while (rs.next()) {
                qinhuangdao.add(rs.getString(1));
            }
        }
        assertThat(qinhuangdao).as("the letters issued in the set-up").isNotEmpty();
        SupersetClient leader = SupersetClient.login(superset.settings().url(), "leader_130300",
                superset.credentials().users().get("leader_130300"));
        assertThat(chartData(leader, "scorecard_letters")).extracting(r -> r.path("pdf_link").asText().replaceAll(".*>(\\S+) 第(\\d+)版.*", "$1-$2"))
                .as("秦皇岛's leader lists the city's letters, not 唐山's").containsExactlyInAnyOrderElementsOf(qinhuangdao);
        assertThat(chartData(admin, "scorecard_letters")).hasSize(qinhuangdao.size() + 1);

        String tangshan = LETTERS_URL + OTHER_CITY_LETTER;
        String missing = LETTERS_URL + "130300/" + TestWarehouse.FIRST + "/" + TestWarehouse.FIRST + "-130399-1.pdf";
        // Encoded slashes reach the server as such (a browser resolves only plain and %2e dot segments itself).
        List<String> outside = List.of(LETTERS_URL + "..%2F..%2F..%2Fcredentials.json",
                LETTERS_URL + "130300/" + TestWarehouse.FIRST + "/%2e%2e%2f%2e%2e%2f%2e%2e%2f_kpi_state.json",
                LETTERS_URL + "130300/" + TestWarehouse.FIRST + "/.hidden.pdf");
        Path shot = TestWarehouse.TARGET.resolve("dashboards-it/screenshots/county-scorecard-leader_130300.png");
        String link;
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn("leader_130300", superset.credentials().users().get("leader_130300"));
            DashboardBrowser.Page page = browser.open("county-scorecard", shot);
            assertThat(page.stillLoading()).isFalse();
            assertThat(page.errors()).as("no chart error").isEmpty();
            // The targets' table as the leader's chart data has it (compared with Trino above): its first row on screen, the
            // target in the table's number format (four significant digits, thousands separated); the letters' links.
            JsonNode first = chartData(leader, "scorecard_targets").get(0);
            assertThat(page.text()).as("the targets of 秦皇岛's counties").contains("目标任务完成情况（最新季度）", "各县区目标完成率与序时进度（最新季度）",
                    first.path("county_name").asText(), first.path("kpi_name_zh").asText(), fourSignificant(first.path("target_value").asDouble()));
            assertThat(page.text()).as("the letters' links").contains(qinhuangdao.get(0).replaceAll("-(\\d+)$", " 第$1版（PDF）"));
            List<String> links = browser.links(LETTERS_URL);
            assertThat(links).as("a link per letter on the page").hasSizeGreaterThanOrEqualTo(1).allMatch(l -> l.contains("/130300/"));
            link = links.get(0);
            DashboardBrowser.Fetched pdf = browser.fetch(link);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf");
            assertThat(pdf.start()).startsWith("%PDF");
            assertRefused(browser.fetch(tangshan), 403, "You may not open this letter");
            assertRefused(browser.fetch(missing), 403, "You may not open this letter");
            for (String path : outside) {
                assertRefused(browser.fetch(path), 404, "No such letter");
            }
        }
        assertThat(shot).isNotEmptyFile();
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn(SupersetCredentials.ADMIN, superset.credentials().users().get(SupersetCredentials.ADMIN));
            browser.go("/health");
            assertThat(browser.fetch(tangshan).start()).as("唐山's letter is there: the leader's refusal is the access rule").startsWith("%PDF");
        }
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn("leader_without_region", noRegionPassword());
            browser.go("/health");
            assertRefused(browser.fetch(link), 403, "You may not open this letter");
        }
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.go("/health");
            assertRefused(browser.fetch(link), 403, "Log in first");
        }
    }

    @Test
    @Order(14)
    void theLedgerShowsQinhuangdaosItemsByStatusAsTrinoHasThem() throws Exception {
        // Per county: open, answered, closed, overdue, all; and every item with its status and feedback, as Trino has them.
        Map<String, List<Long>> counts = new TreeMap<>();
        Map<String, String> items = new TreeMap<>();
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT county_name, count_if(status = 'open'), count_if(status = 'answered'),"
                    + " count_if(status = 'closed'), count_if(overdue), count(*) FROM unionstats.kpi.ledger_items WHERE city_code = '130300'"
                    + " GROUP BY county_name")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT item_id, status, overdue, coalesce(feedback_text, '') FROM unionstats.kpi.ledger_items"
                    + " WHERE city_code = '130300'")) {
                while (rs.next()) {
                    items.put(rs.getString(1), rs.getString(2) + "/" + rs.getBoolean(3) + "/" + rs.getString(4));
                }
            }
        }
        assertThat(items).as("the items of 秦皇岛's issued letters").isNotEmpty();
        assertThat(items.get(TestWarehouse.FIRST + "-130302-01")).as("海港区's answered item").startsWith("closed/");
        SupersetClient leader = SupersetClient.login(superset.settings().url(), "leader_130300",
                superset.credentials().users().get("leader_130300"));

        JsonNode byCounty = chartData(leader, "scorecard_ledger_by_county");
        assertThat(byCounty).extracting(r -> r.path("county_name").asText()).containsExactlyInAnyOrderElementsOf(counts.keySet());
        for (JsonNode row : byCounty) {
            assertThat(List.of(row.path("items_open").asLong(), row.path("items_answered").asLong(), row.path("items_closed").asLong(),
                    row.path("items_overdue").asLong(), row.path("items_total").asLong())).as(row.path("county_name").asText())
                    .isEqualTo(counts.get(row.path("county_name").asText()));
        }

        Map<String, String> statusZh = Map.of("open", "未反馈", "answered", "已答复", "closed", "已办结");
        JsonNode table = chartData(leader, "scorecard_ledger_items");
        Map<String, String> shown = new TreeMap<>();
        for (JsonNode row : table) {
            shown.put(row.path("item_id").asText(), row.path("status_zh").asText() + "/" + row.path("overdue_label").asText() + "/"
                    + (row.path("feedback_text").isNull() ? "" : row.path("feedback_text").asText()));
        }
        Map<String, String> expected = new TreeMap<>();
        items.forEach((id, v) -> {
            String[] p = v.split("/", 3);
            expected.put(id, statusZh.get(p[0]) + "/" + (Boolean.parseBoolean(p[1]) ? "逾期" : "") + "/" + p[2]);
        });
        assertThat(shown).as("秦皇岛's items, not 唐山's").isEqualTo(expected);
        assertThat(chartData(admin, "scorecard_ledger_items")).extracting(r -> r.path("item_id").asText())
                .as("Admin sees 唐山's item too").contains(OTHER_CITY_ITEM).hasSize(items.size() + 1);
        String sql = leader.get("api/v1/chart/" + chartIds(admin).get(uuidOf("scorecard_ledger_by_county")) + "/data/?type=query")
                .path("result").get(0).path("query").asText();
        assertThat(sql).contains("city_code = '130300'");

        JsonNode evaluation = chartData(leader, "scorecard_evaluation");
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.ANALYST); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count_if(city_code <> '130300') FROM unionstats.kpi.county_evaluation")) {
            rs.next();
            assertThat(rs.getLong(2)).as("the sample evaluates 秦皇岛 only").isZero();
            assertThat(evaluation).as("秦皇岛's 2024 evaluation").hasSize((int) rs.getLong(1)).isNotEmpty();
        }

        org.junit.jupiter.api.Assumptions.assumeTrue(DashboardBrowser.available(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try (DashboardBrowser browser = new DashboardBrowser(superset.settings().url())) {
            browser.logIn("leader_130300", superset.credentials().users().get("leader_130300"));
            DashboardBrowser.Page page = browser.open("county-scorecard",
                    TestWarehouse.TARGET.resolve("dashboards-it/screenshots/county-scorecard-ledger-leader_130300.png"));
            assertThat(page.errors()).as("no chart error").isEmpty();
            assertThat(page.text()).contains("各县区台账事项办理情况", "工作台账：指导书事项及反馈", "县区年度考核（总分与各部分得分）", "已办结",
                    table.get(0).path("item_id").asText()).doesNotContain(OTHER_CITY_ITEM);
        }
    }

    /** A refusal: the status and its short message (Chinese, then English), no PDF and no stack trace. */
    static void assertRefused(DashboardBrowser.Fetched answer, int status, String english) {
        assertThat(answer.status()).as(answer.start()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.start()).contains(english).doesNotStartWith("%PDF").doesNotContain("Traceback").doesNotContain("File \"");
    }

    /** A number as the tables' format ",.4~r" writes it: four significant digits, thousands separated, no trailing zeros. */
    static String fourSignificant(double value) {
        java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(4));
        return new java.text.DecimalFormat("#,##0.##########", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(rounded);
    }

    /** Charts that say the query returned nothing (Superset's message, in Chinese or English). */
    static int emptyCharts(DashboardBrowser.Page page) {
        return page.text().split("此查询没有数据返回|No results were returned", -1).length - 1;
    }

    // ---- helpers ----

    static final String LETTERS_URL = org.unionstats.dashboards.assets.WarehouseDatasets.LETTERS_URL;
    /** A letter of 唐山市 (130200) to 路南区 (130202), put into the warehouse beside 秦皇岛's: another city's letter. */
    static final String OTHER_CITY_LETTER = "130200/" + TestWarehouse.FIRST + "/" + TestWarehouse.FIRST + "-130202-1.pdf";
    /** An item of that letter of 唐山's in the ledger. */
    static final String OTHER_CITY_ITEM = TestWarehouse.FIRST + "-130202-01";
    static String noRegionPassword;

    /**
     * 秦皇岛's letters of the first quarter issued with the CLI (edition 1 each, their PDFs archived), and one of 唐山's
     * beside them: 秦皇岛's letter to 海港区 recorded and archived again as 唐山's to 路南区, and its first item in the ledger as 唐山's.
     */
    static void issueLetters(Path warehouse) throws Exception {
        TestWarehouse.cli(DashboardStack.cli, "letter", "--warehouse", warehouse.toString(), "--city", "130300", "--period", TestWarehouse.FIRST,
                "--format", "pdf", "--out", TestWarehouse.TARGET.resolve("dashboards-it/letters").toString(), "--issue", "--date", "2024-07-15");
        org.unionstats.warehouse.WarehouseLayout layout = org.unionstats.warehouse.WarehouseLayout.of(warehouse);
        Path partition = layout.localPartition("letters_issued", TestWarehouse.FIRST);
        try (Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * REPLACE ('130200' AS city_code, '唐山市' AS city_name, '130202' AS county_code, '路南区' AS county_name,"
                    + " '" + TestWarehouse.FIRST + "-130202' AS letter_id) FROM read_parquet('" + partition + "/*.parquet', hive_partitioning = false)"
                    + " WHERE letter_id = '" + TestWarehouse.FIRST + "-130302') TO '" + partition.resolve("130200-test.parquet") + "' (FORMAT PARQUET)");
            Path items = layout.localPartition("letter_items", TestWarehouse.FIRST);
            st.execute("COPY (SELECT * REPLACE ('130200' AS city_code, '130202' AS county_code, '路南区' AS county_name,"
                    + " '" + TestWarehouse.FIRST + "-130202' AS letter_id, '" + OTHER_CITY_ITEM + "' AS item_id)"
                    + " FROM read_parquet('" + items + "/*.parquet', hive_partitioning = false)"
                    + " WHERE item_id = '" + TestWarehouse.FIRST + "-130302-01') TO '" + items.resolve("130200-test.parquet") + "' (FORMAT PARQUET)");
        }
        Path other = layout.letterArchive().resolve(OTHER_CITY_LETTER);
        Files.createDirectories(other.getParent());
        Files.copy(layout.archivedLetter("130300", TestWarehouse.FIRST, TestWarehouse.FIRST + "-130302", 1), other);
    }

    /** The password of a user with the leader role and no region's (made by {@link #aUserWithTheLeaderRoleButNoRegionSeesNoRow}). */
    static String noRegionPassword() {
        assertThat(noRegionPassword).as("the user without a region was made").isNotNull();
        return noRegionPassword;
    }

    /**
     * One period of the tiny sample yields no data-quality findings, so the KPI job writes no
     * dq_findings folder and publish registers no table; the data-quality dashboard needs it,
     * empty or not.
     */
    static void ensureFindingsTable() throws Exception {
        try (Connection c = TrinoConnections.open(trino, TrinoUsers.PIPELINE); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS unionstats.ops.dq_findings (rule_id varchar, severity varchar, org_code varchar,"
                    + " org_level varchar, kpi_id varchar, value double, reference double, message_zh varchar, message_en varchar, period varchar)");
        }
    }

    static String uuidOf(String chartKey) {
        return org.unionstats.dashboards.assets.Ids.uuid("chart", chartKey);
    }

    static JsonNode charts(SupersetClient client) {
        return client.get("api/v1/chart/" + SupersetClient.q("(columns:!(id,uuid,slice_name),page_size:100)")).path("result");
    }

    static Map<String, String> chartIds(SupersetClient client) {
        Map<String, String> ids = new HashMap<>();
        charts(client).forEach(c -> ids.put(c.path("uuid").asText(), c.path("id").asText()));
        return ids;
    }

    static JsonNode chartData(SupersetClient client, String chartKey) {
        String id = chartIds(admin).get(uuidOf(chartKey));
        assertThat(id).as("chart " + chartKey).isNotNull();
        JsonNode result = client.get("api/v1/chart/" + id + "/data/").path("result");
        assertThat(result).hasSize(1);
        return result.get(0).path("data");
    }

    static Map<String, Map<String, Double>> byKey(JsonNode rows, String key) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (JsonNode row : rows) {
            Map<String, Double> values = new HashMap<>();
            row.fields().forEachRemaining(e -> {
                if (!e.getKey().equals(key)) {
                    values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asDouble());
                }
            });
            out.put(row.path(key).asText(), values);
        }
        return out;
    }

    /** What a deploy may change, object by object, ignoring timestamps. */
    static Map<String, String> snapshot() {
        Map<String, String> s = new TreeMap<>();
        for (JsonNode c : charts(admin)) {
            JsonNode chart = admin.get("api/v1/chart/" + c.path("id").asText()).path("result");
            s.put("chart " + c.path("uuid").asText(), c.path("id").asText() + chart.path("slice_name").asText() + chart.path("params").asText()
                    + chart.path("query_context").asText());
        }
        for (JsonNode d : DashboardDeployer.dashboards(admin)) {
            JsonNode dashboard = admin.get("api/v1/dashboard/" + d.path("id").asText()).path("result");
            s.put("dashboard " + d.path("slug").asText(), d.path("id").asText() + dashboard.path("dashboard_title").asText()
                    + dashboard.path("position_json").asText() + dashboard.path("json_metadata").asText() + dashboard.path("roles"));
        }
        for (JsonNode d : admin.get("api/v1/dataset/" + SupersetClient.q("(page_size:100)")).path("result")) {
            JsonNode dataset = admin.get("api/v1/dataset/" + d.path("id").asText()).path("result");
            StringBuilder metrics = new StringBuilder();
            dataset.path("metrics").forEach(m -> metrics.append(m.path("metric_name").asText()).append(m.path("expression").asText())
                    .append(m.path("verbose_name").asText()));
            s.put("dataset " + d.path("table_name").asText(), d.path("id").asText() + dataset.path("sql").asText() + metrics);
        }
        s.put("rules", admin.get("api/v1/rowlevelsecurity/" + SupersetClient.q("(page_size:100)")).path("result").toString()
                .replaceAll("\"changed_on_delta_humanized\":\"[^\"]*\",?", ""));
        for (JsonNode r : admin.get("api/v1/security/roles/" + SupersetClient.q("(page_size:100)")).path("result")) {
            s.put("role " + r.path("name").asText(), r.path("id").asText()
                    + admin.get("api/v1/security/roles/" + r.path("id").asText() + "/permissions/").path("result").size());
        }
        for (JsonNode u : admin.get("api/v1/security/users/" + SupersetClient.q("(page_size:100)")).path("result")) {
            s.put("user " + u.path("username").asText(), u.path("id").asText() + u.path("roles").toString());
        }
        return s;
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
