package org.unionstats.cli;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.Writer;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import io.trino.jdbc.TrinoResultSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.unionstats.errors.ExitCode;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.server.ServedWarehouses;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;
import org.unionstats.serving.server.ServerStatus;

/**
 * The warehouse served by a real Trino 476: a tiny warehouse built by the CLI's own generate,
 * ingest and kpi commands, published, read back and compared with DuckDB reading the same Parquet,
 * then changed by 'run' (a new period), by a removed partition, by a failed publish and by a publish of the
 * warehouse as it was before its letters (their tables empty, not missing). The steps
 * build on each other, hence the order.
 */
@ExtendWith(TrinoTestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrinoServingIT {

    private static final List<String> SCHEMAS = List.of("warehouse", "kpi", "ops");

    private static TestWarehouse warehouse;
    private static TrinoCredentials credentials;
    private static TableCatalog catalog;

    @BeforeAll
    static void buildWarehouse() throws Exception {
        warehouse = TestWarehouse.build(TestWarehouse.TARGET.resolve("trino-it/data"), TrinoTestServer.context());
        credentials = TrinoTestServer.credentials();
        catalog = TableCatalog.load();
    }

    @Test
    @Order(1)
    void startIsIdempotentAndStatusAnswers() {
        ServerStatus before = TrinoTestServer.server().status();
        assertThat(before.ready()).isTrue();
        long started = System.nanoTime();
        assertThat(cli("trino", "start")).contains("already running");
        assertThat((System.nanoTime() - started) / 1e9).as("start when running is a no-op").isLessThan(10);
        assertThat(TrinoTestServer.server().status().pid()).isEqualTo(before.pid());
        assertThat(cli("trino", "status")).contains("Trino is running at " + credentials.url());
    }

    @Test
    @Order(2)
    void credentialsNameEachServiceUrlAndEachUser() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(cli("credentials", "--json"));
        JsonNode trino = doc.path("services").path("trino");
        assertThat(trino.path("url").asText()).isEqualTo(credentials.url()).startsWith("https://127.0.0.1:");
        List<String> users = new ArrayList<>();
        for (JsonNode user : trino.path("users")) {
            users.add(user.path("name").asText());
            assertThat(user.path("password").asText()).hasSizeGreaterThanOrEqualTo(20);
        }
        assertThat(users).containsExactlyInAnyOrder(TrinoUsers.ADMIN, TrinoUsers.PIPELINE, TrinoUsers.ANALYST);
        Path file = TrinoTestServer.STATE.resolve("credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(cli("credentials")).contains(credentials.password(TrinoUsers.ANALYST)).contains("jdbc:trino://");
    }

    @Test
    @Order(3)
    void publishCreatesEveryTableAndIsIdempotent() {
        String first = cli("publish", "--warehouse", warehouse.warehouse.toString());
        assertThat(first).contains("published").contains("created, 0 updated, 0 unchanged")
                .contains(TableCatalog.load().views().size() + " views");
        String second = cli("publish", "--warehouse", warehouse.warehouse.toString());
        assertThat(second).as("an unchanged warehouse only has its partitions synced").contains("(0 created, 0 updated, ");
    }

    @Test
    @Order(4)
    void theLedgerViewSaysWhereEachIssuedItemStands() throws Exception {
        try (Connection trino = connect(TrinoUsers.ANALYST); Statement st = trino.createStatement();
                ResultSet rs = st.executeQuery("SELECT item_id, status, status_period, feedback_text, overdue, issued_period, due_period"
                        + " FROM unionstats.kpi.ledger_items WHERE item_id = '2024Q2-130302-01'")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(2), rs.getString(3), rs.getString(4), String.valueOf(rs.getBoolean(5)), rs.getString(6),
                    rs.getString(7))).containsExactly("closed", "2024Q2", "已按要求落实，全面完成。", "false", "2024Q2", "2024Q3");
        }
        try (Connection trino = connect(TrinoUsers.ANALYST); Statement st = trino.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count_if(status = 'open'), count_if(overdue) FROM unionstats.kpi.ledger_items")) {
            rs.next();
            // Every other item of the 2024Q2 letters is open, and overdue: 2024Q3 ended long before the tests run.
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1) - 1);
            assertThat(rs.getLong(3)).isEqualTo(rs.getLong(1) - 1);
        }
    }

    @Test
    @Order(4)
    void publishedTablesReturnExactlyWhatTheJobsWrote() throws Exception {
        try (Connection trino = connect(TrinoUsers.PIPELINE); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            int compared = 0;
            for (TableSpec table : catalog.tables()) {
                if (hasData(table)) {
                    assertSameRows(trino, duck, table);
                    compared++;
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    @Order(5)
    void everyTableViewAndColumnHasABilingualComment() throws Exception {
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            int tables = 0;
            try (ResultSet rs = st.executeQuery("SELECT schema_name, table_name, comment FROM system.metadata.table_comments "
                    + "WHERE catalog_name = 'unionstats' AND schema_name IN ('warehouse', 'kpi', 'ops')")) {
                while (rs.next()) {
                    tables++;
                    assertBilingual(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                }
            }
            assertThat(tables).as("every table and view has a comment").isEqualTo(count(st,
                    "SELECT count(*) FROM unionstats.information_schema.tables WHERE table_schema IN ('warehouse', 'kpi', 'ops')"));
            int columns = 0;
            try (ResultSet rs = st.executeQuery("SELECT table_schema, table_name, column_name, comment FROM unionstats.information_schema.columns "
                    + "WHERE table_schema IN ('warehouse', 'kpi', 'ops')")) {
                while (rs.next()) {
                    columns++;
                    assertBilingual(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3), rs.getString(4));
                }
            }
            assertThat(columns).isGreaterThan(300);
            try (ResultSet rs = st.executeQuery("SELECT comment FROM unionstats.information_schema.columns "
                    + "WHERE table_schema = 'kpi' AND table_name = 'membership' AND column_name = 'members_growth_rate'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("KPI columns are described by the catalogue").contains("会员增长率").contains("growth");
            }
            try (ResultSet rs = st.executeQuery("SHOW COLUMNS FROM unionstats.kpi.kpi_values")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).containsExactly("org_code", "org_name", "org_level", "province", "city", "county", "period", "period_type",
                        "kpi_id", "kpi_name_zh", "kpi_name_en", "value", "unit", "qualifier");
            }
            // Basic-level unions come through the view from their compact table, one row per KPI with a value, and the
            // members of the unions directly under a county add up to the county's (nested unions count in their parent's).
            try (ResultSet rs = st.executeQuery("""
                    SELECT b.county, b.period, b.members, c.value, b.rows_per_union
                    FROM (SELECT v.county, v.period, sum(v.value) AS members, count(*) * 1.0 / count(DISTINCT v.org_code) AS rows_per_union
                          FROM unionstats.kpi.kpi_values v
                          JOIN unionstats.warehouse.dim_orgs o ON o.org_code = v.org_code AND o.parent_code = o.county_code
                          WHERE v.org_level = 'basic' AND v.kpi_id = 'members_end' AND v.period_type = 'quarter'
                          GROUP BY v.county, v.period) b
                    JOIN unionstats.kpi.kpi_values c ON c.org_level = 'county' AND c.county = b.county AND c.period = b.period
                      AND c.kpi_id = 'members_end'
                    ORDER BY b.county, b.period LIMIT 1""")) {
                assertThat(rs.next()).as("basic-level unions in kpi.kpi_values").isTrue();
                assertThat(rs.getDouble(3)).as("members of %s in %s", rs.getString(1), rs.getString(2)).isPositive().isEqualTo(rs.getDouble(4));
                assertThat(rs.getDouble(5)).isEqualTo(1.0);
            }
            assertThat(count(st, "SELECT count(*) FROM unionstats.kpi.fact_kpi_values WHERE org_level = 'basic'")).isZero();
        }
    }

    @Test
    @Order(6)
    void theAnalystReadsButCannotWriteNorReadRawQuarantineRows() throws Exception {
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM unionstats.kpi.kpi_values")).isPositive();
            assertThat(count(st, "SELECT count(*) FROM unionstats.warehouse.dim_regions")).isPositive();
            assertThat(count(st, "SELECT count(error_code) FROM unionstats.ops.quarantine")).isPositive();
            for (String forbidden : List.of(
                    "SELECT raw_row FROM unionstats.ops.quarantine",
                    "SELECT * FROM unionstats.ops.quarantine",
                    "CREATE TABLE unionstats.kpi.mine (a integer)",
                    "CREATE TABLE unionstats.kpi.mine AS SELECT * FROM unionstats.kpi.dim_kpis",
                    "INSERT INTO unionstats.kpi.dim_kpis (kpi_id) VALUES ('x')",
                    "DROP TABLE unionstats.kpi.dim_kpis",
                    "DROP VIEW unionstats.kpi.kpi_values",
                    "CREATE OR REPLACE VIEW unionstats.kpi.kpi_values AS SELECT 1 AS x",
                    "COMMENT ON TABLE unionstats.kpi.dim_kpis IS 'x'",
                    "CREATE SCHEMA unionstats.mine",
                    "CALL unionstats.system.sync_partition_metadata('kpi', 'fact_kpi_values', 'FULL')")) {
                assertThatThrownBy(() -> st.execute(forbidden)).as(forbidden).isInstanceOf(SQLException.class).hasMessageContaining("Access Denied");
            }
        }
        try (Connection pipeline = connect(TrinoUsers.PIPELINE); Statement st = pipeline.createStatement()) {
            assertThat(count(st, "SELECT count(raw_row) FROM unionstats.ops.quarantine")).isPositive();
        }
        Properties wrong = new Properties();
        wrong.setProperty("user", TrinoUsers.ANALYST);
        wrong.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), wrong); Statement st = c.createStatement()) {
                st.executeQuery("SELECT 1").close();
            }
        }).hasMessageContaining("Invalid credentials");
    }

    @Test
    @Order(7)
    void aNewPeriodAppearsAfterRun() throws Exception {
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(periods(st, "unionstats.warehouse.member_events")).containsExactly(TestWarehouse.FIRST);
            assertThat(periods(st, "unionstats.kpi.kpi_values")).doesNotContain(TestWarehouse.LATER);
        }
        warehouse.deliverHeldBack();
        cli("run", "--inbox", warehouse.inbox.toString(), "--warehouse", warehouse.warehouse.toString());
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(periods(st, "unionstats.warehouse.member_events")).containsExactly(TestWarehouse.FIRST, TestWarehouse.LATER);
            assertThat(periods(st, "unionstats.kpi.kpi_values")).contains(TestWarehouse.LATER, "2024-07", "2024H2");
        }
        try (Connection trino = connect(TrinoUsers.PIPELINE); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (TableSpec table : catalog.tables()) {
                if (List.of("member_events", "kpi_values", "kpi_hardship", "ingest_receipts").contains(table.folder())) {
                    assertSameRows(trino, duck, table);
                }
            }
        }
    }

    @Test
    @Order(8)
    void theExampleQueriesOfTheAnalystsGuideRunAsWritten() throws Exception {
        String guide = Files.readString(TestWarehouse.ROOT.resolve("docs/analysts.md"));
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        List<String> examples = new ArrayList<>();
        List<String> dictionary = new ArrayList<>();
        while (block.find()) {
            (block.group(1).startsWith("-- example:") ? examples : dictionary).add(block.group(1));
        }
        assertThat(examples).hasSize(3);
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            List<List<String>> ranking = rows(st, examples.get(0));
            assertThat(ranking).as("the counties of 秦皇岛 ranked").hasSizeGreaterThanOrEqualTo(5);
            assertThat(ranking.get(0).get(0)).isEqualTo("1");
            List<Double> rates = ranking.stream().map(r -> Double.parseDouble(r.get(3))).toList();
            List<Double> sorted = new ArrayList<>(rates);
            sorted.sort(Collections.reverseOrder());
            assertThat(rates).isEqualTo(sorted);

            List<List<String>> trend = rows(st, examples.get(1));
            assertThat(trend).extracting(r -> r.get(0)).containsExactly(TestWarehouse.FIRST, TestWarehouse.LATER);
            assertThat(Double.parseDouble(trend.get(1).get(3))).isBetween(0.0, 100.0);

            List<List<String>> competitions = rows(st, examples.get(2));
            assertThat(competitions).isNotEmpty();
            assertThat(competitions).extracting(r -> r.get(0)).isSubsetOf("province", "city", "county");

            for (String block2 : dictionary) {
                for (String sql : block2.split(";\\s*\\n")) {
                    if (!sql.strip().isEmpty()) {
                        assertThat(rows(st, sql)).as(sql).isNotEmpty();
                    }
                }
            }
        }
        // The same through the query command, in its three formats.
        String table = cli("query", examples.get(0));
        assertThat(table).contains("rank_in_city").contains("rows)");
        JsonNode json = new ObjectMapper().readTree(cli("query", "--json", examples.get(2)));
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).has("competition_level")).isTrue();
        assertThat(cli("query", "--csv", "SELECT kpi_id, name_zh FROM dim_kpis ORDER BY kpi_id LIMIT 2")).startsWith("kpi_id,name_zh\r\n");
    }

    @Test
    @Order(9)
    void aFailingQueryIsOneClearLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = UnionStats.commandLine(TrinoTestServer.context());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cli.execute("query", "SELECT raw_row FROM ops.quarantine");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Access Denied").doesNotContain("\tat ");
    }

    @Test
    @Order(10)
    void aRemovedPeriodDisappears() throws Exception {
        Path partition = warehouse.warehouse.resolve("quarantine/period=" + TestWarehouse.FIRST);
        assertThat(partition).isDirectory();
        TestWarehouse.deleteTree(partition);
        cli("publish", "--warehouse", warehouse.warehouse.toString());
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(periods(st, "unionstats.ops.quarantine")).containsExactly(TestWarehouse.LATER);
        }
        try (Connection trino = connect(TrinoUsers.PIPELINE); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            assertSameRows(trino, duck, catalog.tables().stream().filter(t -> t.folder().equals("quarantine")).findFirst().orElseThrow());
        }
    }

    @Test
    @Order(11)
    void aFailedPublishLeavesThePreviousTablesQueryable() throws Exception {
        long before;
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            before = count(st, "SELECT count(*) FROM unionstats.kpi.kpi_values");
        }
        // A copy of the warehouse whose dim_orgs lost a column the views need.
        Path broken = warehouse.root.resolve("broken-warehouse");
        TestWarehouse.deleteTree(broken);
        copyTree(warehouse.warehouse, broken);
        Path dimOrgs = broken.resolve("dim_orgs");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (province_name) FROM read_parquet('" + dimOrgs + "/*.parquet')) TO '" + broken.resolve("dim_orgs.parquet")
                    + "' (FORMAT PARQUET)");
        }
        TestWarehouse.deleteTree(dimOrgs);
        Files.createDirectories(dimOrgs);
        Files.move(broken.resolve("dim_orgs.parquet"), dimOrgs.resolve("part-0.parquet"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = UnionStats.commandLine(TrinoTestServer.context());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("publish", "--warehouse", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("province_name").contains("Nothing was published");

        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM unionstats.kpi.kpi_values")).isEqualTo(before);
            assertThat(count(st, "SELECT count(province_name) FROM unionstats.warehouse.dim_orgs")).isPositive();
        }
        ServedWarehouses served = ServedWarehouses.of(TrinoTestServer.server().config());
        try (Connection pipeline = connect(TrinoUsers.PIPELINE); Statement st = pipeline.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE unionstats.warehouse.dim_orgs")) {
            rs.next();
            assertThat(rs.getString(1)).as("the table reads the warehouse through its link")
                    .contains("external_location = '" + served.locationOf(warehouse.warehouse) + "/dim_orgs'")
                    .doesNotContain(served.locationOf(broken)).doesNotContain("broken-warehouse");
        }
        assertThat(served.target(served.locationOf(warehouse.warehouse))).contains(warehouse.warehouse.toRealPath());
    }

    @Test
    @Order(12)
    void tablesWithNoDataYetArePublishedEmptyAndReplacedOnceTheirDataArrives() throws Exception {
        // The warehouse as it was before any letter was issued, any feedback sent or any county evaluated.
        Path beforeLetters = warehouse.root.resolve("warehouse-before-letters");
        TestWarehouse.deleteTree(beforeLetters);
        copyTree(warehouse.warehouse, beforeLetters);
        List<String> noData = new ArrayList<>(catalog.foldersWrittenBy(Writer.LETTERS));
        noData.add("feedback");
        for (String folder : noData) {
            TestWarehouse.deleteTree(beforeLetters.resolve(folder));
        }
        TestWarehouse.deleteTree(beforeLetters.resolve(WarehouseLayout.LETTER_ARCHIVE));

        String published = cli("publish", "--warehouse", beforeLetters.toString());
        assertThat(published).contains(catalog.tables().size() + " tables").contains(catalog.views().size() + " views")
                .contains("published empty (no data yet): ").contains("letters_issued");
        List<String> emptyColumns;
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            for (String table : List.of("kpi.letters_issued", "kpi.letter_items", "kpi.letter_figures", "kpi.county_evaluation", "warehouse.feedback",
                    "kpi.ledger_items")) {
                assertThat(count(st, "SELECT count(*) FROM unionstats." + table)).as(table + " is there, empty").isZero();
            }
            emptyColumns = columns(st, "kpi", "letters_issued");
        }
        // Typed from tables.yaml: edition int, issued_at timestamp; the period partition last.
        assertThat(emptyColumns).startsWith("letter_id varchar", "edition integer", "issue_id varchar", "issued_at timestamp(3)")
                .endsWith("period varchar");

        // The letters arrive: the next publish replaces each empty table with the one over its files, with the same columns.
        assertThat(cli("publish", "--warehouse", warehouse.warehouse.toString()).lines().filter(l -> l.contains("published empty")))
                .noneMatch(l -> l.contains("letters_issued"));
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            assertThat(columns(st, "kpi", "letters_issued")).isEqualTo(emptyColumns);
            assertThat(count(st, "SELECT count(*) FROM unionstats.kpi.letters_issued")).isPositive();
            assertThat(count(st, "SELECT count(*) FROM unionstats.kpi.ledger_items WHERE status = 'closed'")).isEqualTo(1);
        }
        try (Connection trino = connect(TrinoUsers.PIPELINE); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (TableSpec table : catalog.tables()) {
                if (noData.contains(table.folder())) {
                    assertSameRows(trino, duck, table);
                }
            }
        }
    }

    @Test
    @Order(13)
    void usersSeeAndKillOnlyTheirOwnQueriesButTheAdminAll() throws Exception {
        String pipelineQuery;
        String analystQuery;
        try (Connection pipeline = connect(TrinoUsers.PIPELINE); Statement st = pipeline.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM unionstats.kpi.dim_kpis")) {
            rs.next();
            pipelineQuery = rs.unwrap(TrinoResultSet.class).getQueryId();
        }
        try (Connection analyst = connect(TrinoUsers.ANALYST); Statement st = analyst.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM unionstats.kpi.dim_kpis")) {
                rs.next();
                analystQuery = rs.unwrap(TrinoResultSet.class).getQueryId();
            }
            assertThatThrownBy(() -> st.executeQuery("SELECT query_id, query FROM system.runtime.queries").close())
                    .hasMessageContaining("Access Denied");
            assertThatThrownBy(() -> st.execute("CALL system.runtime.kill_query(query_id => '" + pipelineQuery + "', message => 'x')"))
                    .hasMessageContaining("Access Denied");
        }
        // Trino's REST API, which its web UI and every client use, with the analyst's password.
        assertThat(rest("GET", "/v1/query/" + pipelineQuery, TrinoUsers.ANALYST).statusCode()).as("another user's query").isEqualTo(403);
        assertThat(rest("PUT", "/v1/query/" + pipelineQuery + "/killed", TrinoUsers.ANALYST).statusCode()).as("killing it").isEqualTo(403);
        assertThat(rest("DELETE", "/v1/query/" + pipelineQuery, TrinoUsers.ANALYST).statusCode()).as("cancelling it").isEqualTo(403);
        JsonNode listed = new ObjectMapper().readTree(rest("GET", "/v1/query", TrinoUsers.ANALYST).body());
        List<String> listedIds = new ArrayList<>();
        List<String> listedUsers = new ArrayList<>();
        listed.forEach(q -> {
            listedIds.add(q.path("queryId").asText());
            listedUsers.add(q.path("session").path("user").asText());
        });
        assertThat(listedIds).as("the analyst's list of queries").contains(analystQuery).doesNotContain(pipelineQuery);
        assertThat(listedUsers).as("only the analyst's own").containsOnly(TrinoUsers.ANALYST);
        assertThat(rest("GET", "/v1/query/" + analystQuery, TrinoUsers.ANALYST).statusCode()).as("their own query").isEqualTo(200);
        assertThat(rest("PUT", "/v1/query/" + analystQuery + "/killed", TrinoUsers.ANALYST).statusCode())
                .as("their own query may be killed (it has finished)").isEqualTo(409);

        // The pipeline user runs procedures, but not on the analyst's queries either.
        try (Connection pipeline = connect(TrinoUsers.PIPELINE); Statement st = pipeline.createStatement()) {
            assertThatThrownBy(() -> st.execute("CALL system.runtime.kill_query(query_id => '" + analystQuery + "', message => 'x')"))
                    .hasMessageContaining("Access Denied");
            List<String> seen = new ArrayList<>();
            rows(st, "SELECT query_id FROM system.runtime.queries").forEach(r -> seen.add(r.get(0)));
            assertThat(seen).contains(pipelineQuery).doesNotContain(analystQuery);
        }
        // The admin sees and may kill everyone's.
        assertThat(rest("GET", "/v1/query/" + analystQuery, TrinoUsers.ADMIN).statusCode()).isEqualTo(200);
        assertThat(rest("PUT", "/v1/query/" + pipelineQuery + "/killed", TrinoUsers.ADMIN).statusCode())
                .as("allowed, and refused only because it has finished").isEqualTo(409);
        try (Connection admin = connect(TrinoUsers.ADMIN); Statement st = admin.createStatement()) {
            List<String> seen = new ArrayList<>();
            rows(st, "SELECT query_id FROM system.runtime.queries").forEach(r -> seen.add(r.get(0)));
            assertThat(seen).contains(pipelineQuery, analystQuery);
        }
    }

    @Test
    @Order(14)
    void noTableCanPointOutsideThePublishedWarehouse() throws Exception {
        Path inbox = warehouse.inbox.toAbsolutePath();
        assertThat(inbox).as("the submissions as sent, with personal data in clear").isDirectory();
        List<String> outside = List.of(
                "local://" + inbox,
                "local://" + TrinoTestServer.STATE.resolve("trino/etc").toAbsolutePath(),
                "local:///warehouses/../../etc",
                "local:///../../../../../../../../../../etc",
                "local:///metastore/../../etc",
                "file://" + inbox);
        for (String user : List.of(TrinoUsers.PIPELINE, TrinoUsers.ADMIN)) {
            try (Connection c = connect(user); Statement st = c.createStatement()) {
                for (String location : outside) {
                    String sql = "CREATE TABLE unionstats.ops.outside_the_warehouse (line varchar) WITH (format = 'TEXTFILE', external_location = '"
                            + location + "')";
                    try {
                        assertThatThrownBy(() -> st.execute(sql)).as(user + ": " + location).isInstanceOf(SQLException.class)
                                .hasMessageNotContaining("mismatched input").hasMessageNotContaining("Access Denied");
                    } finally {
                        st.execute("DROP TABLE IF EXISTS unionstats.ops.outside_the_warehouse");
                    }
                }
            }
        }
        // The same statement inside the published warehouse works: what refuses the others is their location.
        ServedWarehouses published = ServedWarehouses.of(TrinoTestServer.server().config());
        try (Connection c = connect(TrinoUsers.PIPELINE); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE unionstats.ops.outside_the_warehouse (line varchar) WITH (format = 'TEXTFILE', external_location = '"
                    + published.locationOf(warehouse.warehouse) + "/dim_orgs')");
            st.execute("DROP TABLE unionstats.ops.outside_the_warehouse");
        }
        assertThat(warehouse.warehouse.resolve("dim_orgs")).as("an external table's data stays when it is dropped").isDirectoryContaining("glob:**.parquet");
        // What the catalog can reach: its metastore and the links publish made, to the published warehouse only.
        ServedWarehouses served = ServedWarehouses.of(TrinoTestServer.server().config());
        try (var entries = Files.list(TrinoTestServer.server().config().fileSystemRoot())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metastore", "warehouses");
        }
        try (var links = Files.list(TrinoTestServer.server().config().warehousesFolder())) {
            List<Path> targets = new ArrayList<>();
            for (Path link : links.toList()) {
                targets.add(Files.readSymbolicLink(link));
            }
            assertThat(targets).as("the published warehouse, and the one whose publish failed (no table reads it)")
                    .contains(warehouse.warehouse.toRealPath()).allSatisfy(t -> assertThat(t.getParent()).isEqualTo(warehouse.root.toRealPath()));
        }
        assertThat(served.target("local:///warehouses/../../etc")).isEmpty();
    }

    @Test
    @Order(15)
    void stopLeavesNoProcessBehind() {
        long pid = TrinoTestServer.server().status().pid();
        assertThat(cli("trino", "stop")).contains("Trino stopped");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(cli("trino", "stop")).contains("was not running");
        assertThat(UnionStats.commandLine(TrinoTestServer.context()).execute("trino", "status")).as("not running")
                .isEqualTo(ExitCode.NOT_RUNNING.code());
    }

    // ---- helpers ----

    /** A CLI command run with the test server's context; its standard output. */
    private static String cli(String... args) {
        return TestWarehouse.cli(TrinoTestServer.context(), args);
    }

    /** A request to Trino's REST API over HTTPS as this user (basic authentication), trusting the server's own certificate. */
    private static HttpResponse<String> rest(String method, String path, String user) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = Files.newInputStream(credentials.certificate())) {
            trust.setCertificateEntry("trino", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        String basic = Base64.getEncoder().encodeToString((user + ":" + credentials.password(user)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.url() + path)).header("Authorization", "Basic " + basic)
                .header("X-Trino-User", user).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("killed by a test") : HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the jobs wrote anything for this table (a tiny sample has no data-quality findings in some periods). */
    private static boolean hasData(TableSpec table) throws java.io.IOException {
        Path folder = warehouse.warehouse.resolve(table.folder());
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var walk = Files.walk(folder, 2)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static Connection connect(String user) throws SQLException {
        return TrinoConnections.open(credentials, user);
    }

    /** Every row of the published table equals a row DuckDB reads from the same Parquet files, and the reverse. */
    private static void assertSameRows(Connection trino, Connection duck, TableSpec table) throws SQLException {
        String name = "unionstats." + table.schema() + "." + table.name();
        List<String> trinoExprs = new ArrayList<>();
        List<String> duckExprs = new ArrayList<>();
        try (Statement st = trino.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM unionstats.information_schema.columns WHERE table_schema = '"
                        + table.schema() + "' AND table_name = '" + table.name() + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                String column = "\"" + rs.getString(1) + "\"";
                if (rs.getString(2).startsWith("timestamp")) {
                    trinoExprs.add("date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00', " + column + ")");
                    duckExprs.add("epoch_ms(" + column + ")");
                } else {
                    trinoExprs.add(column);
                    duckExprs.add(column);
                }
            }
        }
        assertThat(trinoExprs).as(name + " columns").isNotEmpty();
        Path folder = warehouse.warehouse.resolve(table.folder());
        boolean partitioned;
        try (var list = Files.list(folder)) {
            partitioned = list.anyMatch(p -> p.getFileName().toString().startsWith("period="));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String scan = "read_parquet('" + (partitioned ? WarehouseLayout.of(warehouse.warehouse).tableFilesGlob(table) : folder + "/*.parquet")
                + "', union_by_name = true, hive_partitioning = " + partitioned + (partitioned ? ", hive_types_autocast = false" : "") + ")";
        List<String> fromTrino = canonicalRows(trino, "SELECT " + String.join(", ", trinoExprs) + " FROM " + name);
        List<String> fromDuck = canonicalRows(duck, "SELECT " + String.join(", ", duckExprs) + " FROM " + scan);
        assertThat(fromTrino).as(name + " row count").hasSize(fromDuck.size());
        assertThat(fromTrino).as(name + " has rows").isNotEmpty();
        for (int i = 0; i < fromTrino.size(); i++) {
            if (!fromTrino.get(i).equals(fromDuck.get(i))) {
                throw new AssertionError(name + ": Trino and DuckDB differ; first difference (sorted rows):\n  trino:  " + fromTrino.get(i)
                        + "\n  duckdb: " + fromDuck.get(i));
            }
        }
    }

    private static List<String> canonicalRows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(canonical(rs.getObject(i))).append('\u0001');
                }
                rows.add(sb.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }

    static String canonical(Object v) {
        if (v == null) {
            return "∅";
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Float.toString(f);
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    private static void assertBilingual(String what, String comment) {
        assertThat(comment).as(what + " comment").isNotBlank().contains("/").doesNotContain("Undocumented");
        assertThat(comment.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).as(what + " comment in Chinese: " + comment).isTrue();
        assertThat(comment.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))).as(what + " comment in English").isTrue();
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A table's columns as {@code name type}, in order. */
    private static List<String> columns(Statement st, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (List<String> row : rows(st, "SELECT column_name, data_type FROM unionstats.information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            columns.add(row.get(0) + " " + row.get(1));
        }
        return columns;
    }

    private static List<String> periods(Statement st, String table) throws SQLException {
        List<String> periods = new ArrayList<>();
        for (List<String> row : rows(st, "SELECT DISTINCT period FROM " + table + " ORDER BY 1")) {
            periods.add(row.get(0));
        }
        return periods;
    }

    private static List<List<String>> rows(Statement st, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql.strip().replaceAll(";$", ""))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
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
