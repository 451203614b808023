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

/** 存量报告 through the whole ingest: a county's balances as at month ends, with the opening balance of the year. */
class BalancesIngestTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        FixtureInbox.csv(inbox, "130300/2023Q1/org_units.csv", StandardCharsets.UTF_8, false,
                "org_code,name,level,parent_org_code,region_code", "130306-0001,抚宁区骊城街道工会,township,130306,130306");
        // 10 rows: rows 2, 3, 4 and 11 accepted; row 7 a duplicate of row 2; the others quarantined.
        FixtureInbox.csv(inbox, "130306/2023Q1/存量报告.csv", StandardCharsets.UTF_8, true,
                "所属工会代码,存量项目,截至日期,数量,说明",
                "130306-0001,会员总数,2022-12-31,1280,",           // 2: the opening balance of the year
                "130306-0001,会员总数,2023-03-31,1.3万,约",         // 3: nearly
                "130306-0001,在档困难职工家庭数,2023年3月31日,36户,", // 4
                "130306-0001,会员总数,2023-03-15,1290,",           // 5: NOT_MONTH_END
                "130306-0001,会员总数,2023-04-30,1300,",           // 6: DATE_AFTER_PERIOD
                "130306-0001,会员总数,2022-12-31,1280,",           // 7: duplicate of row 2
                "130306-0001,会员总数,2022-12-31,1281,",           // 8: CONFLICTING_ROW
                "130306,在档困难职工家庭数,2023-03-31,-2,",         // 9: OUT_OF_RANGE
                "130306-0001,职工总数,2023-03-31,100,",            // 10: BAD_LABEL
                "130306,会员总数,2023-03-31,五千余,");               // 11: the county federation's own register, over
        // English headers in a workbook: 2 rows accepted.
        FixtureInbox.xlsx(inbox, "130322/2023Q1/balances.xlsx",
                new String[] {"org_code", "balance_type", "as_of", "value"},
                new Object[] {"130322", "members", "2023-01-31", 800.0},
                new Object[] {"130322", "hardship_on_file", "2022-12-31", 12.0});
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void balancesAreAcceptedIntoTheirTableAndEveryRowIsAccountedFor() throws Exception {
        IngestSummary summary = ingest();
        Map<String, IngestSummary.FileReceipt> byPath = summary.files().stream()
                .collect(Collectors.toMap(IngestSummary.FileReceipt::path, f -> f));
        assertThat(byPath).hasSize(3);
        IngestSummary.FileReceipt csv = byPath.get("130306/2023Q1/存量报告.csv");
        assertThat(List.of(csv.rowsRead(), csv.accepted(), csv.duplicates(), csv.quarantined())).containsExactly(10L, 4L, 1L, 5L);
        assertThat(csv.recordType()).isEqualTo("balances");
        assertThat(csv.status().code()).isEqualTo("current");
        IngestSummary.FileReceipt xlsx = byPath.get("130322/2023Q1/balances.xlsx");
        assertThat(List.of(xlsx.rowsRead(), xlsx.accepted(), xlsx.duplicates(), xlsx.quarantined())).containsExactly(2L, 2L, 0L, 0L);
        assertThat(summary.reconciles()).isTrue();

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select count(*) || ' ' || min(period) || ' ' || max(period) from " + table("balances")))
                    .isEqualTo("6 2023Q1 2023Q1");
            assertThat(rows(st, "select org_code || ' ' || balance_type || ' ' || cast(as_of as varchar) || ' ' || value || ' ' || qualifier"
                    + " || ' ' || source_row from " + table("balances") + " order by org_code, balance_type, as_of")).containsExactly(
                    "130306 members 2023-03-31 5000 over 11",
                    "130306-0001 hardship_on_file 2023-03-31 36 exact 4",
                    "130306-0001 members 2022-12-31 1280 exact 2",
                    "130306-0001 members 2023-03-31 13000 nearly 3",
                    "130322 hardship_on_file 2022-12-31 12 exact 3",
                    "130322 members 2023-01-31 800 exact 2");
            assertThat(scalar(st, "select typeof(value) || ' ' || typeof(as_of) from " + table("balances") + " limit 1"))
                    .isEqualTo("BIGINT DATE");
            assertThat(scalar(st, "select count(distinct submitter) from " + table("balances"))).isEqualTo("2");
            assertThat(rows(st, "select source_row || ' ' || error_code || ' ' || coalesce(column_name, '-') from " + table("quarantine")
                    + " where record_type = 'balances' order by source_row")).containsExactly(
                    "5 NOT_MONTH_END as_of", "6 DATE_AFTER_PERIOD as_of", "8 CONFLICTING_ROW -", "9 OUT_OF_RANGE value",
                    "10 BAD_LABEL balance_type");
            assertThat(scalar(st, "select message_zh from " + table("quarantine") + " where error_code = 'NOT_MONTH_END'"))
                    .isEqualTo("截至日期须为月末（如 2023-03-31）：本行填写的 2023-03-15 不是某月的最后一天；请填写截至 2023-03-31 或 2023-02-28 的数");
            // Receipts reconcile in the table as in the summary.
            assertThat(scalar(st, "select bool_and(rows_read = accepted + duplicates + quarantined) || ' ' || count(*) from "
                    + table("ingest_receipts") + " where record_type = 'balances'")).isEqualTo("true 2");
        }

        IngestSummary again = ingest();
        assertThat(again.files()).isEmpty();
        assertThat(again.unchangedFiles()).isEqualTo(3);
    }

    @Test
    void aCorrectedBalanceFileReplacesTheWholeSubmission() throws Exception {
        ingest();
        FixtureInbox.csv(inbox, "130306/2023Q1/存量报告-第二版.csv", StandardCharsets.UTF_8, false,
                "所属工会代码,存量项目,截至日期,数量",
                "130306-0001,会员总数,2022-12-31,1280",
                "130306-0001,会员总数,2023-03-31,1302");
        IngestSummary second = ingest();
        assertThat(second.files()).extracting(IngestSummary.FileReceipt::path).containsExactly("130306/2023Q1/存量报告-第二版.csv");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select org_code || ' ' || cast(as_of as varchar) || ' ' || value from " + table("balances")
                    + " where submitter = '130306' order by as_of")).containsExactly("130306-0001 2022-12-31 1280", "130306-0001 2023-03-31 1302");
            assertThat(scalar(st, "select count(*) from " + table("balances") + " where submitter = '130322'")).isEqualTo("2");
            assertThat(scalar(st, "select status || ' ' || replaced_by from " + table("ingest_receipts")
                    + " where source_file = '130306/2023Q1/存量报告.csv'")).isEqualTo("replaced 130306/2023Q1/存量报告-第二版.csv");
        }
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }
}
