package org.unionstats.letters;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.yearly.EvaluationStore;
import org.unionstats.letters.yearly.YearlyEvaluation;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.Writer;

/**
 * The fixture city's letters issued, then a correction: 海港区's members at the end of 2024Q3 recomputed from 183,950 to
 * 184,100 (everything else as it was). The issued editions render as printed, with a note of that one figure.
 */
class IssuedLettersTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 10, 15);
    private static final String HAIGANG = "130302";
    /** The one figure the correction moves, as the note says it: 183,950 printed, 184,100 now. */
    private static final String MOVED = "期末会员数：签发时183,950人，现为184,100人。";

    @TempDir
    Path tmp;

    private Path warehouse;

    private final CityLetters letters = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load());

    @BeforeEach
    void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
    }

    @Test
    void anIssuedLetterReadsAsPrintedAfterACorrectionAndNotesTheFigureThatMoved() throws Exception {
        Map<String, String> issued = markdown(write(LetterFormat.MD, "issued", Issuing.ISSUE));
        correctHaigangMembers();
        Map<String, String> later = markdown(write(LetterFormat.MD, "later", Issuing.RENDER));

        assertThat(later).hasSameSizeAs(issued).hasSize(4);
        issued.forEach((county, text) -> {
            String again = later.get(county);
            if (county.equals(HAIGANG)) {
                assertThat(again).isEqualTo(text + "\n---\n\n## 自签发以来数据更正\n\n- " + MOVED + "\n");
            } else {
                assertThat(again).isEqualTo(text);
            }
        });
        assertThat(issued.get(HAIGANG)).contains("| 期末会员数 | 183,950人 | +2,350人 |").doesNotContain("184,100");
        // A draft now prints the corrected figure: 184,100 − 181,600 = +2,500 on the quarter.
        Map<String, String> redrafted = markdown(write(LetterFormat.MD, "reissued", Issuing.REISSUE));
        assertThat(redrafted.get(HAIGANG)).contains("| 期末会员数 | 184,100人 | +2,500人 |").doesNotContain("自签发以来");
    }

    @Test
    void theIssuedPdfExtractsToTheSameTextWithTheNoteAfterIt() throws Exception {
        List<Path> before = write(LetterFormat.PDF, "issued", Issuing.ISSUE);
        String printed = pdfText(haigang(before));
        correctHaigangMembers();
        String later = pdfText(haigang(write(LetterFormat.PDF, "later", Issuing.RENDER)));

        assertThat(later).startsWith(printed.strip());
        assertThat(later.substring(printed.strip().length()).replaceAll("[\\s\u3000]", "")).isEqualTo("自签发以来数据更正" + MOVED);
    }

    @Test
    void issuingAgainWithNothingChangedAddsNoEdition() throws Exception {
        write(LetterFormat.MD, "first", Issuing.ISSUE);
        write(LetterFormat.MD, "second", Issuing.ISSUE);
        write(LetterFormat.MD, "third", Issuing.REISSUE);

        // Four county-level units, one edition each; the later runs wrote no file.
        assertThat(rows("SELECT letter_id, edition FROM " + table("letters_issued") + " ORDER BY letter_id"))
                .containsExactly("2024Q3-130302|1", "2024Q3-130303|1", "2024Q3-130324|1", "2024Q3-130372|1");
        try (Stream<Path> files = Files.list(warehouse.resolve("letters_issued/period=2024Q3"))) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertThat(warehouse.resolve("_staging")).isEmptyDirectory();
    }

    @Test
    void issuingAfterACorrectionKeepsTheEditionAndOnlyAReissueAddsOne() throws Exception {
        write(LetterFormat.MD, "first", Issuing.ISSUE);
        correctHaigangMembers();
        write(LetterFormat.MD, "second", Issuing.ISSUE);
        assertThat(rows("SELECT max(edition) FROM " + table("letters_issued"))).containsExactly("1");

        write(LetterFormat.MD, "third", Issuing.REISSUE);
        // Only 海港区's words changed: its edition 2 prints 184,100; the other three stay at edition 1.
        assertThat(rows("SELECT letter_id, max(edition) FROM " + table("letters_issued") + " GROUP BY letter_id ORDER BY letter_id"))
                .containsExactly("2024Q3-130302|2", "2024Q3-130303|1", "2024Q3-130324|1", "2024Q3-130372|1");
        assertThat(rows("SELECT edition, value, value_text FROM " + table("letter_figures") + " WHERE letter_id = '2024Q3-130302'"
                + " AND kpi_id = 'members_end' ORDER BY edition")).containsExactly("1|183950.0|183,950人", "2|184100.0|184,100人");
    }

    @Test
    void figuresLeftByAnIssueThatFailedBeforeItsLettersWereRecordedMakeNoEdition() throws Exception {
        // An issue that stopped after moving its figures in: the figures of another warehouse's issue, without its letters.
        Path other = tmp.resolve("other");
        FixtureCity.write(other);
        letters.write(new LetterRequest(other, FixtureCity.CITY, FixtureCity.QUARTER, LetterFormat.MD, tmp.resolve("other-letters"), SIGNED,
                Issuing.ISSUE));
        Path orphans = warehouse.resolve("letter_figures/period=2024Q3");
        Files.createDirectories(orphans);
        try (Stream<Path> files = Files.list(other.resolve("letter_figures/period=2024Q3"))) {
            for (Path f : files.toList()) {
                Files.copy(f, orphans.resolve("orphan-" + f.getFileName()));
            }
        }

        Map<String, String> drafts = markdown(write(LetterFormat.MD, "drafts", Issuing.RENDER));
        Map<String, String> issued = markdown(write(LetterFormat.MD, "issued", Issuing.ISSUE));
        correctHaigangMembers();
        Map<String, String> later = markdown(write(LetterFormat.MD, "later", Issuing.RENDER));

        assertThat(issued).isEqualTo(drafts);
        assertThat(rows("SELECT letter_id, edition FROM " + table("letters_issued") + " ORDER BY letter_id"))
                .containsExactly("2024Q3-130302|1", "2024Q3-130303|1", "2024Q3-130324|1", "2024Q3-130372|1");
        // The edition's own figures only: 海港区's table printed once, and one figure moved.
        assertThat(later.get(HAIGANG)).isEqualTo(issued.get(HAIGANG) + "\n---\n\n## 自签发以来数据更正\n\n- " + MOVED + "\n");
    }

    @Test
    void theTablesHoldWhatWasPrinted() throws Exception {
        String text = markdown(write(LetterFormat.MD, "issued", Issuing.ISSUE)).get(HAIGANG);

        // 海港区's members row as FixtureCity has it: 183,950, +2,350 on 181,600, +7,750 on 176,200, 1st of 3, the 2024
        // target 185,000 met to 99.4 % against a pace of 75.0 %.
        assertThat(rows("SELECT row_no, kpi_name, value, change_on_quarter, rank, ranked, target_value, value_text, change_on_quarter_text,"
                + " change_on_year_text, rank_text, target_text, attainment_text, pace_text FROM " + table("letter_figures")
                + " WHERE letter_id = '2024Q3-130302' AND kpi_id = 'members_end'"))
                .containsExactly("1|期末会员数|183950.0|2350.0|1|3|185000.0|183,950人|+2,350人|+7,750人|第1/3位|2024年 185,000人|99.4%|75.0%");
        List<String> letter = rows("SELECT city_code, county_name, edition, signed, title, evaluation, priorities FROM " + table("letters_issued")
                + " WHERE letter_id = '2024Q3-130302'");
        assertThat(letter).hasSize(1);
        String[] cells = letter.get(0).split("\\|", -1);
        assertThat(cells).startsWith("130300", "海港区", "1", "2024年10月15日", "关于海港区总工会2024年第三季度工作的指导意见");
        for (String sentence : cells[5].split("\n")) {
            assertThat(text).contains(sentence);
        }
        assertThat(cells[6].split("\n")).hasSize(4);
        for (String priority : cells[6].split("\n")) {
            assertThat(text).contains(priority);
        }
    }

    @Test
    void theFilesHoldEveryColumnTheTableCatalogueDeclaresForPublishing() throws Exception {
        write(LetterFormat.MD, "issued", Issuing.ISSUE);
        WarehouseLayout layout = WarehouseLayout.of(warehouse);
        new EvaluationStore(layout).write(FixtureCity.CITY, 2024,
                new YearlyEvaluation(new WarehouseTables(layout, TableCatalog.load())).evaluate(FixtureCity.CITY, 2024));
        // Publishing fails on a declared column missing from the files (PublishPlanner): the writers and the catalogue agree.
        for (String folder : TableCatalog.load().foldersWrittenBy(Writer.LETTERS)) {
            List<String> columns = rows("SELECT column_name FROM (DESCRIBE SELECT * FROM " + table(folder) + ")");
            TableSpec spec = TableCatalog.load().tables().stream().filter(t -> t.folder().equals(folder)).findFirst().orElseThrow();
            assertThat(columns).as(folder).containsAll(spec.columns().keySet());
        }
    }

    private List<Path> write(LetterFormat format, String folder, Issuing issuing) {
        return letters.write(new LetterRequest(warehouse, FixtureCity.CITY, FixtureCity.QUARTER, format, tmp.resolve(folder), SIGNED, issuing));
    }

    /** The KPI job recomputing 海港区's members after a corrected submission: the partition rewritten with 184,100. */
    private void correctHaigangMembers() throws SQLException, IOException {
        Path partition = warehouse.resolve("county_scorecard/period=2024Q3");
        Path corrected = tmp.resolve("corrected.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * REPLACE (CASE WHEN county_code = '130302' AND kpi_id = 'members_end' THEN 184100.0 ELSE value END AS value,"
                    + " CASE WHEN county_code = '130302' AND kpi_id = 'members_end' THEN 184100.0 - previous_value ELSE change_on_quarter END"
                    + " AS change_on_quarter, CASE WHEN county_code = '130302' AND kpi_id = 'members_end' THEN 184100.0 - year_ago_value"
                    + " ELSE change_on_year END AS change_on_year) FROM read_parquet('" + partition + "/*.parquet', hive_partitioning = false))"
                    + " TO '" + corrected + "' (FORMAT PARQUET)");
        }
        try (Stream<Path> files = Files.list(partition)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.move(corrected, partition.resolve("part-0.parquet"));
    }

    private String table(String folder) {
        return "read_parquet('" + warehouse.resolve(folder) + "/*/*.parquet', hive_partitioning = true)";
    }

    /** Each row's columns joined with |. */
    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); ResultSet rs = db.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    cells.add(rs.getString(c));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** The letters by county code (2024Q3-130302-海港区-季度指导书.md). */
    private static Map<String, String> markdown(List<Path> files) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path f : files) {
            texts.put(f.getFileName().toString().split("-")[1], Files.readString(f, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static Path haigang(List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().contains("-" + HAIGANG + "-")).findFirst().orElseThrow();
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("(?m)^— \\d+ —$", "");
        }
    }
}
