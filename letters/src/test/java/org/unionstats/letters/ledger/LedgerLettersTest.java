package org.unionstats.letters.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.letters.CityLetters;
import org.unionstats.letters.Issuing;
import org.unionstats.letters.LetterFormat;
import org.unionstats.letters.LetterRequest;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The follow-up ledger over two quarters of the fixture city: 秦皇岛's departments write two opinions to 海港区 for
 * 2024Q3; the 2024Q3 letters are issued, which records their items; 海港区 answers in its 2024Q4 folder; the 2024Q4 letter
 * reports how the items stand.
 */
class LedgerLettersTest {

    private static final String HAIGANG = "130302";

    @TempDir
    Path tmp;

    private Path warehouse;

    private final CityLetters letters = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load());

    @BeforeEach
    void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
        sql("COPY (SELECT * FROM (VALUES"
                + " ('130300', '组织部', '130302', 'members_joined', '要加大新就业形态劳动者入会工作力度，年底前完成快递行业集中入会行动。', '2024Q4', '130300/2024Q3/部门意见.csv', 2),"
                + " ('130300', '宣传教育部', '130302', NULL, '要提高信息工作的重视程度，每季度至少报送两篇工作信息。', '2024Q3', '130300/2024Q3/部门意见.csv', 3))"
                + " t(issuer_code, department, county_code, kpi_id, text, due_period, source_file, source_row))"
                + " TO '" + file("opinions", "2024Q3") + "' (FORMAT PARQUET)");
    }

    @Test
    void issuingTheQuarterRecordsThePrioritiesAndOpinionsAsNumberedItems() throws Exception {
        String letter = markdown(write("2024Q3", LetterFormat.MD, Issuing.ISSUE));
        // 海港区's four priorities (P1 the target behind pace, P2 its last-placed KPI, P5 its two findings), then the two opinions.
        assertThat(letter).contains("4. 核对两次存量报告之间的会员变动或困难职工档案是否漏报、重报，以及存量数本身，解决“报送的存量数与上次存量加其间变动不衔接”问题（1条）。\n"
                + "\n### 市总工会各部门意见\n\n"
                + "5. 组织部：要加大新就业形态劳动者入会工作力度，年底前完成快递行业集中入会行动。（2024年第四季度内办结）\n"
                + "6. 宣传教育部：要提高信息工作的重视程度，每季度至少报送两篇工作信息。（2024年第三季度内办结）\n"
                + "\n以上各项为本指导书的督办事项，反馈落实情况时请注明事项编号（指导书编号加序号，如2024Q3-130302-01）。\n");
        // P1 is about the target behind pace (unions established), P2 the KPI last in the city (families on file).
        assertThat(items("letter_id = '2024Q3-130302'")).containsExactly(
                "2024Q3-130302-01|P1|-|unions_established|2024Q4", "2024Q3-130302-02|P2|-|hardship_on_file_end|2024Q4", "2024Q3-130302-03|P5|-|-|2024Q4",
                "2024Q3-130302-04|P5|-|-|2024Q4", "2024Q3-130302-05|组织部|组织部|members_joined|2024Q4",
                "2024Q3-130302-06|宣传教育部|宣传教育部|-|2024Q3");
        // The other three letters have their priorities only: 5 + 1 + 2 items.
        assertThat(rows("SELECT count(*) FROM " + table("letter_items"))).containsExactly("14");

        // Issuing or reissuing again with nothing changed records no item twice.
        write("2024Q3", LetterFormat.MD, Issuing.REISSUE);
        assertThat(rows("SELECT count(*), count(DISTINCT item_id) FROM " + table("letter_items"))).containsExactly("14|14");
    }

    @Test
    void theNextQuartersLetterReportsHowTheItemsStand() throws Exception {
        write("2024Q3", LetterFormat.MD, Issuing.ISSUE);
        answerAndComputeTheNextQuarter();

        // -01 closed; -02 answered in October, closed in the file received last; -04 answered; -03, -05, -06 unanswered.
        // 6 items: closed 2, answered 1, open 3; overdue = not closed with the due quarter (2024Q4, or 2024Q3 for -06) ended
        // by the 2024Q4 letter: -03, -04, -05, -06 = 4.
        String md = markdown(write("2024Q4", LetterFormat.MD, Issuing.RENDER));
        assertThat(md).contains("上季度督办的6项工作中，已办结2项，3项未反馈，4项逾期未办结，请抓紧办理并及时反馈（详见第五部分）。");
        assertThat(md).contains("## 五、上季度意见办理情况\n\n上季度指导书所列工作共6项，已办结2项，已答复1项，未反馈3项，逾期4项。\n\n"
                // Items' texts cut at 40 characters (39 and the ellipsis).
                + "- 2024Q3-130302-01（工作重点）加快推进新建工会组织数目标任务：2024年目标120个，完成65.0%，低于序…——已办结。"
                + "反馈：10月新建工会组织46个，全年目标已完成。\n"
                + "- 2024Q3-130302-02（工作重点）做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困，补齐期末在档困难职工户…——已办结。"
                + "反馈：已对在档困难职工家庭逐户走访，12月解困脱困52户。\n"
                + "- 2024Q3-130302-03（工作重点）核对会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内，解…——未反馈，"
                + "已逾期（办结时限2024年第四季度）。\n"
                + "- 2024Q3-130302-04（工作重点）核对两次存量报告之间的会员变动或困难职工档案是否漏报、重报，以及存量数本身，解…——已答复，"
                + "已逾期（办结时限2024年第四季度）。反馈：正在逐个核对基层工会的存量报告。\n"
                + "- 2024Q3-130302-05（组织部意见）要加大新就业形态劳动者入会工作力度，年底前完成快递行业集中入会行动。——未反馈，"
                + "已逾期（办结时限2024年第四季度）。\n"
                + "- 2024Q3-130302-06（宣传教育部意见）要提高信息工作的重视程度，每季度至少报送两篇工作信息。——未反馈，"
                + "已逾期（办结时限2024年第三季度）。\n");

        // The PDF's text extracts the dash —— as the one glyph ⸺ (U+2E3A).
        String pdf = pdfText(haigang(write("2024Q4", LetterFormat.PDF, Issuing.RENDER))).replaceAll("[\\s\u3000]", "").replace("\u2E3A", "——");
        assertThat(pdf).contains("五、上季度意见办理情况上季度指导书所列工作共6项，已办结2项，已答复1项，未反馈3项，逾期4项。")
                .contains("2024Q3-130302-01（工作重点）加快推进新建工会组织数目标任务").contains("——已办结。反馈：10月新建工会组织46个，全年目标已完成。")
                .contains("2024Q3-130302-06（宣传教育部意见）要提高信息工作的重视程度，每季度至少报送两篇工作信息。——未反馈，已逾期（办结时限2024年第三季度）。");
        // A county no item of which was answered: 山海关区's five, all open and overdue.
        String shanhaiguan = Files.readString(write("2024Q4", LetterFormat.MD, Issuing.RENDER).stream()
                .filter(p -> p.getFileName().toString().contains("130303")).findFirst().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(shanhaiguan).contains("上季度指导书所列工作共5项，已办结0项，已答复0项，未反馈5项，逾期5项。");
    }

    /**
     * 海港区's feedback: a file in its 2024Q3 folder received on 2024-10-20 (-02 answered), and one in its 2024Q4 folder
     * received on 2024-12-28 (-01 and -02 closed, -04 answered); and 2024Q4 KPIs as the quarter before.
     */
    private void answerAndComputeTheNextQuarter() throws Exception {
        sql("COPY (SELECT * FROM (VALUES"
                + " ('2024Q3-130302-02', 'answered', '已制定帮扶计划，正在逐户走访。', '130302', 'a1', 2))"
                + " t(item_id, status, text, submitter, submission_id, source_row)) TO '" + file("feedback", "2024Q3") + "' (FORMAT PARQUET)");
        sql("COPY (SELECT * FROM (VALUES"
                + " ('2024Q3-130302-01', 'closed', '10月新建工会组织46个，全年目标已完成。', '130302', 'b2', 2),"
                + " ('2024Q3-130302-02', 'closed', '已对在档困难职工家庭逐户走访，12月解困脱困52户。', '130302', 'b2', 3),"
                + " ('2024Q3-130302-04', 'answered', '正在逐个核对基层工会的存量报告。', '130302', 'b2', 4))"
                + " t(item_id, status, text, submitter, submission_id, source_row)) TO '" + file("feedback", "2024Q4") + "' (FORMAT PARQUET)");
        sql("COPY (SELECT * FROM (VALUES ('a1', 'feedback', 'current', TIMESTAMP '2024-10-20 09:00:00'),"
                + " ('b2', 'feedback', 'current', TIMESTAMP '2024-12-28 16:00:00'))"
                + " t(submission_id, record_type, status, received_at)) TO '" + file("ingest_receipts", "2024Q4") + "' (FORMAT PARQUET)");
        sql("COPY (SELECT * FROM read_parquet('" + warehouse.resolve("county_scorecard/period=2024Q3/*.parquet") + "', hive_partitioning = false))"
                + " TO '" + file("county_scorecard", "2024Q4") + "' (FORMAT PARQUET)");
    }

    private List<String> items(String where) throws SQLException {
        return rows("SELECT item_id, source, coalesce(department, '-'), coalesce(kpi_id, '-'), due_period FROM " + table("letter_items")
                + " WHERE " + where + " ORDER BY item_id");
    }

    private String table(String name) {
        return "read_parquet('" + warehouse.resolve(name + "/*/*.parquet") + "', hive_partitioning = true)";
    }

    private static Path haigang(List<Path> files) {
        return files.stream().filter(p -> p.getFileName().toString().contains(HAIGANG)).findFirst().orElseThrow();
    }

    private List<Path> write(String quarter, LetterFormat format, Issuing issuing) {
        return letters.write(new LetterRequest(warehouse, FixtureCity.CITY, quarter, format, tmp.resolve(quarter + format + issuing),
                LocalDate.of(2024, 10, 15), issuing));
    }

    private static String markdown(List<Path> files) throws IOException {
        return Files.readString(haigang(files), StandardCharsets.UTF_8);
    }

    private Path file(String table, String period) throws IOException {
        Path dir = warehouse.resolve(table).resolve("period=" + period);
        Files.createDirectories(dir);
        return dir.resolve("part-0.parquet");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute(statement);
        }
    }

    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int c = 1; c <= n; c++) {
                    cells.add(rs.getString(c));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
