package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.rows;
import static org.unionstats.ingest.WarehouseSql.scalar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 部门意见 through the whole ingest: 秦皇岛's departments write to its counties in the 2024Q3 folder; every row lands in
 * {@code opinions} or the quarantine, a revised file replaces the first.
 */
class OpinionsIngestTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        // 7 rows: rows 2, 3 and 4 accepted; row 5 a duplicate of row 2; rows 6, 7 and 8 quarantined.
        FixtureInbox.csv(inbox, "130300/2024Q3/部门意见.csv", StandardCharsets.UTF_8, true,
                "发文单位代码,部门,县区代码,相关指标,意见内容,办结时限",
                "130300,组织部,130302,发展新会员,要加大新就业形态劳动者入会工作力度。,2024Q4",              // 2
                "130300,宣传教育部,130302,,要提高信息工作的重视程度，每季度至少报送两篇工作信息。,2024Q4",  // 3
                "130300,权益保障部,130322,解困脱困户数,要做好困难职工家庭建档立卡动态管理。,2025Q1",        // 4
                "130300,组织部,130302,发展新会员,要加大新就业形态劳动者入会工作力度。,2024Q4",              // 5: duplicate of 2
                "130300,组织部,621123,,要加强基层工会规范化建设。,2024Q4",                                  // 6: COUNTY_NOT_OF_CITY
                "130300,组织部,130306,,请与联络员13812345678对接。,2024Q4",                                // 7: PERSONAL_DATA_IN_TEXT
                "130300,组织部,130306,,要加强基层工会规范化建设。,2024Q2");                                // 8: BAD_PERIOD
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void opinionsAreAcceptedAndEveryRowIsAccountedFor() throws Exception {
        IngestSummary summary = ingest();
        IngestSummary.FileReceipt file = summary.files().get(0);
        assertThat(file.recordType()).isEqualTo("opinions");
        assertThat(List.of(file.rowsRead(), file.accepted(), file.duplicates(), file.quarantined())).containsExactly(7L, 3L, 1L, 3L);
        assertThat(summary.reconciles()).isTrue();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select period || ' ' || county_code || ' ' || department || ' ' || coalesce(kpi_id, '-') || ' ' || due_period"
                    + " || ' ' || text from " + table("opinions") + " order by source_row")).containsExactly(
                    "2024Q3 130302 组织部 members_joined 2024Q4 要加大新就业形态劳动者入会工作力度。",
                    "2024Q3 130302 宣传教育部 - 2024Q4 要提高信息工作的重视程度，每季度至少报送两篇工作信息。",
                    "2024Q3 130322 权益保障部 hardship_lifted_out 2025Q1 要做好困难职工家庭建档立卡动态管理。");
            assertThat(rows(st, "select source_row || ' ' || error_code || ' ' || column_name from " + table("quarantine")
                    + " where record_type = 'opinions' order by source_row")).containsExactly(
                    "6 COUNTY_NOT_OF_CITY county_code", "7 PERSONAL_DATA_IN_TEXT text", "8 BAD_PERIOD due_period");
            // The quarantine keeps the raw row masked: the mobile number is not in it.
            assertThat(scalar(st, "select count(*) from " + table("quarantine") + " where raw_row like '%12345678%'")).isEqualTo("0");
        }
    }

    @Test
    void aRevisedFileReplacesTheWholeSubmission() throws Exception {
        ingest();
        FixtureInbox.csv(inbox, "130300/2024Q3/部门意见-更正版.csv", StandardCharsets.UTF_8, false,
                "issuer_code,department,county_code,text,due_period",
                "130300,组织部,130303,要推进新就业形态劳动者入会。,2024Q4");
        ingest();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select county_code || ' ' || department from " + table("opinions"))).containsExactly("130303 组织部");
            assertThat(scalar(st, "select status from " + table("ingest_receipts") + " where source_file = '130300/2024Q3/部门意见.csv'"))
                    .isEqualTo("replaced");
        }
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }
}
