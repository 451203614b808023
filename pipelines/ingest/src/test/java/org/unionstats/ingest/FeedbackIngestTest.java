package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.rows;
import static org.unionstats.ingest.WarehouseSql.scalar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 意见反馈 through the whole ingest: 秦皇岛 issued its 2024Q3 letters (three items to 海港区 130302, one to 昌黎县 130322, as
 * {@code letter --issue} records them in {@code letter_items}); 海港区 answers in its 2024Q4 folder.
 */
class FeedbackIngestTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        Path items = warehouse.resolve("letter_items/period=2024Q3");
        Files.createDirectories(items);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES ('2024Q3-130302-01', '130302'), ('2024Q3-130302-02', '130302'),"
                    + " ('2024Q3-130302-03', '130302'), ('2024Q3-130322-01', '130322')) t(item_id, county_code))"
                    + " TO '" + items.resolve("130300-issue.parquet") + "' (FORMAT PARQUET)");
        }
        // 5 rows: rows 2 and 3 accepted; rows 4, 5 and 6 quarantined.
        FixtureInbox.csv(inbox, "130302/2024Q4/意见反馈.csv", StandardCharsets.UTF_8, true,
                "事项编号,办理状态,反馈内容",
                "2024Q3-130302-01,已办结,10月完成快递行业集中入会，新入会会员386人。",   // 2
                "2024Q3-130302-02,办理中,已制定信息报送计划，12月底前办结。",           // 3
                "2024Q3-130302-07,已办结,已完成。",                                   // 4: UNKNOWN_LETTER_ITEM
                "2024Q3-130322-01,已办结,已完成。",                                   // 5: ITEM_OF_OTHER_COUNTY
                "2024Q3-130302-03,已答复,请与联络员13812345678联系。");               // 6: PERSONAL_DATA_IN_TEXT
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void feedbackOnIssuedItemsIsAcceptedAndTheRestExplained() throws Exception {
        IngestSummary summary = ingest();
        IngestSummary.FileReceipt file = summary.files().get(0);
        assertThat(file.recordType()).isEqualTo("feedback");
        assertThat(List.of(file.rowsRead(), file.accepted(), file.duplicates(), file.quarantined())).containsExactly(5L, 2L, 0L, 3L);
        assertThat(summary.reconciles()).isTrue();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(rows(st, "select period || ' ' || submitter || ' ' || item_id || ' ' || status || ' ' || text from "
                    + table("feedback") + " order by source_row")).containsExactly(
                    "2024Q4 130302 2024Q3-130302-01 closed 10月完成快递行业集中入会，新入会会员386人。",
                    "2024Q4 130302 2024Q3-130302-02 answered 已制定信息报送计划，12月底前办结。");
            assertThat(rows(st, "select source_row || ' ' || error_code || ' ' || column_name from " + table("quarantine")
                    + " where record_type = 'feedback' order by source_row")).containsExactly(
                    "4 UNKNOWN_LETTER_ITEM item_id", "5 ITEM_OF_OTHER_COUNTY item_id", "6 PERSONAL_DATA_IN_TEXT text");
            assertThat(scalar(st, "select message_zh from " + table("quarantine") + " where error_code = 'ITEM_OF_OTHER_COUNTY'"))
                    .isEqualTo("事项 2024Q3-130322-01 是写给 130322（昌黎县）的，不是写给报送单位 130302（海港区）的：只能反馈本单位的事项");
        }
    }

    @Test
    void withoutIssuedLettersNoItemIsKnown() throws Exception {
        Files.walk(warehouse.resolve("letter_items")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        IngestSummary.FileReceipt file = ingest().files().get(0);
        // Rows 2–5 name items no letter has; row 6 is refused for the phone number first.
        assertThat(List.of(file.accepted(), file.quarantined())).containsExactly(0L, 5L);
    }

    private String table(String name) {
        return WarehouseSql.table(warehouse, name);
    }
}
