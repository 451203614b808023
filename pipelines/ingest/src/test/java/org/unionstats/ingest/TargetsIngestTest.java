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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 目标任务 through the whole ingest: 河北省 sets 秦皇岛's targets for 2024 in a workbook, and 秦皇岛 its counties' in its
 * 2024Q1 letter; every row lands in {@code targets} (partitioned by the submission's period) or the quarantine, with a
 * receipt for every file.
 */
class TargetsIngestTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        // 9 rows: rows 2, 3, 4 and 5 accepted; row 6 a duplicate of row 2; the others quarantined.
        FixtureInbox.csv(inbox, "130300/2024Q1/目标任务书.csv", StandardCharsets.UTF_8, true,
                "下达单位代码,目标单位代码,考核指标,目标期间,目标值",
                "130300,130306,发展新会员,2024年,1200人",       // 2
                "130300,130306,发展新会员,2024年第一季度,300",    // 3: a quarter of the same year
                "130300,130322,解困脱困户数,2024,45户",           // 4
                "130300,130322,竞赛参与人数,2024年,1.2万",         // 5
                "130300,130306,发展新会员,2024年,1200人",       // 6: duplicate of row 2
                "130300,130306,发展新会员,2024年,1300人",       // 7: CONFLICTING_ROW
                "130306,130300,发展新会员,2024年,5000",         // 8: ISSUER_NOT_ABOVE
                "130300,130322,会员增长率,2024年,0.05",          // 9: KPI_NOT_TARGETABLE
                "130300,130322,发展新会员,2023年,800");          // 10: DATE_OUTSIDE_PERIOD (2023 was over)
        FixtureInbox.xlsx(inbox, "130000/2024Q1/targets.xlsx",
                new String[] {"issuer_code", "org_code", "kpi_id", "target_period", "target_value"},
                new Object[] {"130000", "130300", "members_joined", "2024", 52000.0},
                new Object[] {"130000", "130300", "membership_rate", "2024", "92%"});
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void targetsAreAcceptedIntoTheirTableAndEveryRowIsAccountedFor() throws Exception {
        IngestSummary summary = ingest();
        Map<String, IngestSummary.FileReceipt> byPath = summary.files().stream()
                .collect(Collectors.toMap(IngestSummary.FileReceipt::path, f -> f));
        assertThat(byPath).hasSize(2);
        IngestSummary.FileReceipt letter = byPath.get("130300/2024Q1/目标任务书.csv");
        assertThat(letter.recordType()).isEqualTo("targets");
        assertThat(List.of(letter.rowsRead(), letter.accepted(), letter.duplicates(), letter.quarantined())).containsExactly(9L, 4L, 1L, 4L);
        IngestSummary.FileReceipt province = byPath.get("130000/2024Q1/targets.xlsx");
        assertThat(List.of(province.rowsRead(), province.accepted(), province.duplicates(), province.quarantined()))
                .containsExactly(2L, 2L, 0L, 0L);
        assertThat(summary.reconciles()).isTrue();

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select period || ' ' || issuer_code || ' ' || org_code || ' ' || kpi_id || ' ' || target_period || ' '"
                    + " || cast(target_value as varchar) || ' ' || unit || ' ' || source_row from " + table("targets")
                    + " order by issuer_code, org_code, kpi_id, target_period")).containsExactly(
                    "2024Q1 130000 130300 members_joined 2024 52000.0000 persons 2",
                    "2024Q1 130000 130300 membership_rate 2024 0.9200 ratio 3",
                    "2024Q1 130300 130306 members_joined 2024 1200.0000 persons 2",
                    "2024Q1 130300 130306 members_joined 2024Q1 300.0000 persons 3",
                    "2024Q1 130300 130322 competition_entrants 2024 12000.0000 persons 5",
                    "2024Q1 130300 130322 hardship_lifted_out 2024 45.0000 households 4");
            assertThat(rows(st, "select source_row || ' ' || error_code || ' ' || coalesce(column_name, '-') from " + table("quarantine")
                    + " where record_type = 'targets' order by source_row")).containsExactly(
                    "7 CONFLICTING_ROW -", "8 ISSUER_NOT_ABOVE org_code", "9 KPI_NOT_TARGETABLE kpi_id", "10 DATE_OUTSIDE_PERIOD target_period");
            assertThat(scalar(st, "select message_zh || ' | ' || message_en from " + table("quarantine") + " where error_code = 'ISSUER_NOT_ABOVE'"))
                    .isEqualTo("下达单位 130306（抚宁区）不是目标单位「130300」的上级工会：目标由地区总工会向其下级下达（如省总工会→市总工会，市总工会→县区总工会）"
                            + " | the issuer 130306 is not above the target union '130300' in the hierarchy; a regional federation sets"
                            + " targets for the unions below it (province → city, city → county)");
            assertThat(scalar(st, "select bool_and(rows_read = accepted + duplicates + quarantined) || ' ' || count(*) from "
                    + table("ingest_receipts") + " where record_type = 'targets'")).isEqualTo("true 2");
        }

        IngestSummary again = ingest();
        assertThat(again.files()).isEmpty();
        assertThat(again.unchangedFiles()).isEqualTo(2);
    }

    @Test
    void aRevisedLetterReplacesTheWholeSubmission() throws Exception {
        ingest();
        FixtureInbox.csv(inbox, "130300/2024Q1/目标任务书-更正版.csv", StandardCharsets.UTF_8, false,
                "下达单位代码,目标单位代码,考核指标,目标期间,目标值",
                "130300,130306,发展新会员,2024年,1250");
        IngestSummary second = ingest();
        assertThat(second.files()).extracting(IngestSummary.FileReceipt::path).containsExactly("130300/2024Q1/目标任务书-更正版.csv");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select org_code || ' ' || target_period || ' ' || cast(target_value as integer) from " + table("targets")
                    + " where submitter = '130300'")).containsExactly("130306 2024 1250");
            assertThat(scalar(st, "select count(*) from " + table("targets") + " where submitter = '130000'")).isEqualTo("2");
            assertThat(scalar(st, "select status || ' ' || replaced_by from " + table("ingest_receipts")
                    + " where source_file = '130300/2024Q1/目标任务书.csv'")).isEqualTo("replaced 130300/2024Q1/目标任务书-更正版.csv");
        }
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }
}
