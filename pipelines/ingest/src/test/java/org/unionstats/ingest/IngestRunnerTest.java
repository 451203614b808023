package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest on the hand-made fixture inbox, read back with DuckDB. */
class IngestRunnerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        FixtureInbox.write(inbox);
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void everyRowIsAccountedForFileByFile() {
        IngestSummary summary = ingest();
        Map<String, IngestSummary.FileReceipt> byPath = summary.files().stream()
                .collect(Collectors.toMap(IngestSummary.FileReceipt::path, f -> f));

        assertThat(byPath).hasSize(10);
        assertCounts(byPath.get("130300/2024Q3/org_units.csv"), 2, 2, 0, 0, "current");
        assertCounts(byPath.get("130306/2024Q3/会员变动.csv"), 6, 2, 1, 3, "current");
        assertCounts(byPath.get("130322/2024Q3/member_events.jsonl"), 3, 3, 0, 0, "replaced");
        assertThat(byPath.get("130322/2024Q3/member_events.jsonl").replacedBy()).isEqualTo("130322/2024Q3/member_events_v2.jsonl");
        assertCounts(byPath.get("130322/2024Q3/member_events_v2.jsonl"), 2, 2, 0, 0, "current");
        assertCounts(byPath.get("130322/2024Q3/hardship_cases.csv"), 3, 2, 0, 1, "current");
        assertCounts(byPath.get("130300/2024Q3/competitions.csv"), 1, 1, 0, 0, "current");
        assertCounts(byPath.get("130300/2024Q3/competition_entries.csv"), 2, 1, 0, 1, "current");
        assertCounts(byPath.get("130306/2024Q3/indicator_reports.xlsx"), 2, 2, 0, 0, "current");
        assertCounts(byPath.get("130306/2024Q3/org_units-损坏.xlsx"), 1, 0, 0, 1, "refused");
        assertCounts(byPath.get("130306/member_events.csv"), 1, 0, 0, 1, "refused");
        assertThat(byPath.get("130322/2024Q3/hardship_cases.csv").format()).isEqualTo("csv/GB18030");
        assertThat(summary.reconciles()).isTrue();
        assertThat(summary.totals().rowsRead()).isEqualTo(23);
    }

    @Test
    void tablesHoldExactlyTheAcceptedRowsOfCurrentSubmissions() throws Exception {
        ingest();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(count(st, "member_events", "")).isEqualTo(4);
            assertThat(count(st, "member_events", "where submitter = '130322'")).isEqualTo(2);
            assertThat(count(st, "member_events", "where event_type = 'transfer_in'")).isEqualTo(1);
            assertThat(count(st, "member_events", "where period = '2024Q3'")).isEqualTo(4);
            assertThat(scalar(st, "select cast(event_date as varchar) from " + table("member_events") + " where source_row = 3 and submitter = '130306'"))
                    .isEqualTo("2024-08-01");
            assertThat(scalar(st, "select workforce from " + table("org_units") + " where org_code = '130322-0001'")).isEqualTo("17000");
            assertThat(scalar(st, "select cast(assistance_cny as varchar) from " + table("hardship_cases") + " where case_id = 'K001'"))
                    .isEqualTo("12000.00");
            assertThat(scalar(st, "select cast(value as varchar) || ' ' || unit || ' ' || qualifier from " + table("indicator_reports")
                    + " where indicator_id = 'student_aid_cny'")).isEqualTo("3000000.00 CNY nearly");
            assertThat(scalar(st, "select award || ' ' || entrants from " + table("competition_entries"))).isEqualTo("second 35");
            assertThat(count(st, "quarantine", "")).isEqualTo(7);
            assertThat(scalar(st, "select error_code from " + table("quarantine") + " where source_row = 5")).isEqualTo("BAD_LABEL");
            assertThat(scalar(st, "select message_zh from " + table("quarantine") + " where source_row = 5")).contains("入会");
            assertThat(scalar(st, "select error_code from " + table("quarantine") + " where source_file like '%损坏%'"))
                    .isEqualTo("UNREADABLE_FILE");
            assertThat(scalar(st, "select period from " + table("quarantine") + " where error_code = 'BAD_PATH'")).isEqualTo("unknown");
        }
    }

    @Test
    void personalDataNeverLandsInClear() throws Exception {
        ingest();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : List.of("130306199001011234", "130306199201021234", "130322198001011234", "13812345678", "13912345678", "HY0001")) {
                    if (text.contains(secret)) {
                        offenders.add(f + " contains " + secret);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select raw_row from " + table("quarantine") + " where source_row = 5"))
                    .contains("\"130306************\"").contains("\"联系电话\":\"1**********\"");
            assertThat(scalar(st, "select extras from " + table("member_events") + " where source_row = 2 and submitter = '130306'"))
                    .isEqualTo("{\"联系电话\":\"1**********\"}");
            assertThat(scalar(st, "select length(member_key) from " + table("member_events") + " limit 1")).isEqualTo("32");
        }
    }

    @Test
    void ingestingTheSameInboxTwiceChangesNothing() throws Exception {
        ingest();
        List<String> before = snapshot();
        IngestSummary second = ingest();
        assertThat(second.files()).isEmpty();
        assertThat(second.unchangedFiles()).isEqualTo(10);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aLaterRunReplacesOnlyTheResubmittedGroup() throws Exception {
        ingest();
        FixtureInbox.csv(inbox, "130306/2024Q3/会员变动-第二版.csv", java.nio.charset.StandardCharsets.UTF_8, false,
                "会员编号,所属工会代码,变动类型,变动日期",
                "HY0001,130306-0001,入会,2024-07-05",
                "M0003,130306-0001,入会,2024-07-06",
                "M0004,130306-0001,入会,2024-07-30");
        IngestSummary second = ingest();
        assertThat(second.files()).extracting(IngestSummary.FileReceipt::path).containsExactly("130306/2024Q3/会员变动-第二版.csv");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(count(st, "member_events", "where submitter = '130306'")).isEqualTo(3);
            assertThat(count(st, "member_events", "where submitter = '130322'")).isEqualTo(2);
            assertThat(scalar(st, "select status || ' ' || replaced_by from " + table("ingest_receipts")
                    + " where source_file = '130306/2024Q3/会员变动.csv'")).isEqualTo("replaced 130306/2024Q3/会员变动-第二版.csv");
            assertThat(count(st, "ingest_receipts", "")).isEqualTo(11);
        }
        assertThat(Files.exists(warehouse.resolve("_staging"))).isFalse();
    }

    private List<String> snapshot() throws Exception {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(Files::isRegularFile).map(p -> warehouse.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }

    private long count(Statement st, String name, String where) throws SQLException {
        return Long.parseLong(scalar(st, "select count(*) from " + table(name) + " " + where));
    }

    private static void assertCounts(IngestSummary.FileReceipt f, long read, long accepted, long duplicates, long quarantined,
            String status) {
        assertThat(f).as("receipt").isNotNull();
        assertThat(List.of(f.rowsRead(), f.accepted(), f.duplicates(), f.quarantined()))
                .as(f.path()).containsExactly(read, accepted, duplicates, quarantined);
        assertThat(f.status().code()).as(f.path() + " status").isEqualTo(status);
    }
}
