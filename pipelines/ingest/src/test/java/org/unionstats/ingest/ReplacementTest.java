package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.scalar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which submission counts is decided by the check: a refused or empty correction leaves the
 * earlier submission in force (its rows, its {@code current} receipt) until a readable one arrives.
 */
class ReplacementTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String HEADER = "会员编号,所属工会代码,变动类型,变动日期";

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        FixtureInbox.csv(inbox, "130300/2024Q3/org_units.csv", StandardCharsets.UTF_8, false,
                "org_code,name,level,parent_org_code,region_code", "130306-0001,抚宁区骊城街道工会,township,130306,130306");
    }

    private Map<String, IngestSummary.FileReceipt> ingest() {
        return ingest(List.of());
    }

    private Map<String, IngestSummary.FileReceipt> ingest(List<String> beamArgs) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, beamArgs))
                .files().stream().collect(Collectors.toMap(IngestSummary.FileReceipt::path, f -> f));
    }

    private void csv(String name, Instant modified, String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        FixtureInbox.csv(inbox, "130306/2024Q3/" + name, StandardCharsets.UTF_8, false, lines);
        Files.setLastModifiedTime(inbox.resolve("130306/2024Q3/" + name), FileTime.from(modified));
    }

    @Test
    void aRefusedOrEmptyCorrectionLeavesTheEarlierSubmissionInForce() throws Exception {
        csv("member_events.csv", Instant.parse("2024-10-01T00:00:00Z"), "M1,130306-0001,入会,2024-07-05", "M2,130306-0001,入会,2024-07-06");
        assertThat(ingest().get("130306/2024Q3/member_events.csv").status().code()).isEqualTo("current");

        csv("member_events_v2.csv", Instant.parse("2024-10-02T00:00:00Z"));
        Files.write(inbox.resolve("130306/2024Q3/member_events_v3.xlsx"), HostileFiles.damagedWorkbook());
        Map<String, IngestSummary.FileReceipt> second = ingest();
        assertThat(second.keySet()).containsExactlyInAnyOrder("130306/2024Q3/member_events_v2.csv", "130306/2024Q3/member_events_v3.xlsx");
        assertThat(second.values()).allMatch(f -> f.status().code().equals("refused") && f.rowsRead() == 1 && f.quarantined() == 1);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select count(*) from " + table("member_events") + " where submitter = '130306'")).isEqualTo("2");
            assertThat(scalar(st, "select status || '/' || coalesce(replaced_by, '-') from " + table("ingest_receipts")
                    + " where source_file = '130306/2024Q3/member_events.csv'")).isEqualTo("current/-");
            assertThat(scalar(st, "select error_code from " + table("quarantine") + " where source_file like '%_v2.csv'"))
                    .isEqualTo("EMPTY_SUBMISSION");
            assertThat(scalar(st, "select error_code from " + table("quarantine") + " where source_file like '%_v3.xlsx'"))
                    .isEqualTo("UNREADABLE_FILE");
        }

        csv("member_events_v4.csv", Instant.parse("2024-10-04T00:00:00Z"), "M3,130306-0001,入会,2024-07-07");
        Map<String, IngestSummary.FileReceipt> third = ingest();
        assertThat(third.keySet()).containsExactly("130306/2024Q3/member_events_v4.csv");
        assertThat(third.get("130306/2024Q3/member_events_v4.csv").status().code()).isEqualTo("current");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select string_agg(member_key is not null, ',') || ' ' || count(*) from " + table("member_events")
                    + " where submitter = '130306'")).isEqualTo("true 1");
            assertThat(scalar(st, "select string_agg(status || ' ' || coalesce(replaced_by, '-'), ',' order by source_file) from "
                    + table("ingest_receipts") + " where submitter = '130306'")).isEqualTo(
                    "replaced 130306/2024Q3/member_events_v4.csv,refused -,refused -,current -");
        }
    }

    /** Whatever the shards of the join with the winners: a group's candidates and rows meet in one shard. */
    @ParameterizedTest
    @ValueSource(strings = {"", "--winnerJoinShards=1", "--winnerJoinShards=7"})
    void withinOneBatchTheLatestReadableFileWins(String shards) throws Exception {
        csv("member_events.csv", Instant.parse("2024-10-01T00:00:00Z"), "M1,130306-0001,入会,2024-07-05", "M2,130306-0001,入会,2024-07-06");
        csv("member_events_v2.csv", Instant.parse("2024-10-02T00:00:00Z"), "M1,130306-0001,入会,2024-07-05");
        Files.write(inbox.resolve("130306/2024Q3/member_events_v3.xlsx"), HostileFiles.damagedWorkbook());
        Map<String, IngestSummary.FileReceipt> files = ingest(shards.isEmpty() ? List.of() : List.of(shards));
        assertThat(files.get("130306/2024Q3/member_events.csv").status().code()).isEqualTo("replaced");
        assertThat(files.get("130306/2024Q3/member_events.csv").replacedBy()).isEqualTo("130306/2024Q3/member_events_v2.csv");
        assertThat(files.get("130306/2024Q3/member_events_v2.csv").status().code()).isEqualTo("current");
        assertThat(files.get("130306/2024Q3/member_events_v3.xlsx").status().code()).isEqualTo("refused");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select count(*) || ' ' || min(source_file) from " + table("member_events")))
                    .isEqualTo("1 130306/2024Q3/member_events_v2.csv");
        }
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }
}
