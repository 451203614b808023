package org.unionstats.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * Each issued edition's PDF in the warehouse's letter archive: written at --issue and --reissue whatever format the run
 * writes, the letter as printed, never rewritten; a render or an issue with nothing new adds none.
 */
class ArchivedLettersTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 10, 15);

    @TempDir
    Path tmp;

    private Path warehouse;
    private WarehouseLayout layout;

    private final CityLetters letters = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load());

    @BeforeEach
    void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
        layout = WarehouseLayout.of(warehouse);
    }

    @Test
    void renderingArchivesNothing() {
        write(LetterFormat.PDF, "drafts", Issuing.RENDER);
        assertThat(layout.letterArchive()).doesNotExist();
    }

    @Test
    void anIssueArchivesEachEditionAsPrintedReadOnlyAndAReissueOnlyTheNewOne() throws Exception {
        // Issued as Markdown: the archive still gets the PDFs, the same letters a PDF run prints.
        write(LetterFormat.MD, "issued", Issuing.ISSUE);
        List<Path> printed = write(LetterFormat.PDF, "printed", Issuing.RENDER);
        // The fixture city's four county-level units, edition 1 each.
        assertThat(archived()).containsExactly("130300/2024Q3/2024Q3-130302-1.pdf", "130300/2024Q3/2024Q3-130303-1.pdf",
                "130300/2024Q3/2024Q3-130324-1.pdf", "130300/2024Q3/2024Q3-130372-1.pdf");
        Path haigang = layout.archivedLetter("130300", "2024Q3", "2024Q3-130302", 1);
        assertThat(Files.readAllBytes(haigang)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(text(haigang)).isEqualTo(text(printed.stream().filter(f -> f.toString().contains("-130302-")).findFirst().orElseThrow()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(haigang))).isEqualTo("r--r--r--");
        byte[] first = Files.readAllBytes(haigang);

        write(LetterFormat.MD, "again", Issuing.ISSUE);
        assertThat(archived()).hasSize(4);

        // 海港区's members corrected from 183,950 to 184,100: its words change, so a reissue prints edition 2 with the
        // new figure; edition 1 stays as it was printed.
        correctHaigangMembers();
        write(LetterFormat.XLSX, "reissued", Issuing.REISSUE);
        assertThat(archived()).hasSize(5).contains("130300/2024Q3/2024Q3-130302-2.pdf");
        assertThat(Files.readAllBytes(haigang)).isEqualTo(first);
        assertThat(text(haigang)).contains("183,950").doesNotContain("184,100");
        assertThat(text(layout.archivedLetter("130300", "2024Q3", "2024Q3-130302", 2))).contains("184,100").doesNotContain("签发时");
    }

    @Test
    void aPdfLeftByAnIssueThatFailedBeforeRecordingIsReplacedByTheEditionIssued() throws Exception {
        Path orphan = layout.archivedLetter("130300", "2024Q3", "2024Q3-130302", 1);
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "left by an issue that failed");
        Files.setPosixFilePermissions(orphan, PosixFilePermissions.fromString("r--r--r--"));

        write(LetterFormat.MD, "issued", Issuing.ISSUE);
        assertThat(text(orphan)).contains("183,950");
        try (Stream<Path> files = Files.list(orphan.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).as("no staged file left").isEmpty();
        }
    }

    private List<Path> write(LetterFormat format, String folder, Issuing issuing) {
        return letters.write(new LetterRequest(warehouse, FixtureCity.CITY, FixtureCity.QUARTER, format, tmp.resolve(folder), SIGNED, issuing));
    }

    private List<String> archived() throws IOException {
        try (Stream<Path> files = Files.walk(layout.letterArchive())) {
            return files.filter(Files::isRegularFile).map(f -> layout.letterArchive().relativize(f).toString()).sorted().toList();
        }
    }

    /** The KPI job recomputing 海港区's members after a corrected submission: the partition rewritten with 184,100. */
    private void correctHaigangMembers() throws Exception {
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

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
