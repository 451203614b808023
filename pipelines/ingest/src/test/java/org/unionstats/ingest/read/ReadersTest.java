package org.unionstats.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.ingest.HostileFiles;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.submission.SubmissionFormat;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/** The streaming readers on hostile and damaged input: what reaches the checker, and what is refused before. */
class ReadersTest {

    private static final IngestLimits LIMITS = IngestLimits.defaults();

    private static SubmissionTable read(SubmissionFormat format, byte[] bytes) {
        return SubmissionReader.readAll(format, bytes, LIMITS);
    }

    private static QuarantineCode.Message refusal(SubmissionFormat format, byte[] bytes, IngestLimits limits) {
        RefusedFileException e = catchThrowableOfType(RefusedFileException.class, () -> SubmissionReader.readAll(format, bytes, limits));
        assertThat(e).as("refused").isNotNull();
        return e.reason();
    }

    @Test
    void csvCellsBeyondTheHeaderAreCountedNotKeptAndTrailingEmptyColumnsIgnored() {
        SubmissionTable t = read(SubmissionFormat.CSV, "a,b,,\n1,2,,\n1,2,x,,y\n".getBytes(StandardCharsets.UTF_8));
        assertThat(t.headers()).containsExactly("a", "b");
        assertThat(t.rows().get(0).cells()).containsExactly("1", "2");
        assertThat(t.rows().get(0).extraCells()).isZero();
        assertThat(t.rows().get(1).cells()).containsExactly("1", "2");
        assertThat(t.rows().get(1).extraCells()).isEqualTo(2);
        assertThat(t.rows().get(1).firstExtraColumn()).isEqualTo(3);
    }

    @Test
    void csvWithOneDamagedByteReadsAsUtf8WithTheDamageInItsCell() {
        byte[] head = "会员编号,变动类型\nM1,入会\nM2,".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nM3,退会\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);

        SubmissionTable t = read(SubmissionFormat.CSV, bytes);
        assertThat(t.encoding()).isEqualTo("csv/UTF-8");
        assertThat(t.rows()).extracting(r -> r.cells().get(1)).containsExactly("入会", "\uFFFD", "退会");
    }

    @Test
    void aRealGb18030FileStillReads() {
        byte[] bytes = "档案编号,致困原因\nK1,因病\n".getBytes(Charset.forName("GB18030"));
        SubmissionTable t = read(SubmissionFormat.CSV, bytes);
        assertThat(t.encoding()).isEqualTo("csv/GB18030");
        assertThat(t.rows().get(0).cells()).containsExactly("K1", "因病");
    }

    @Test
    void tooManyHeaderColumnsRefuseTheFile() {
        String header = String.join(",", java.util.Collections.nCopies(300, "h"));
        QuarantineCode.Message m = refusal(SubmissionFormat.CSV, (header + "\n").getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(m.code()).isEqualTo(QuarantineCode.TOO_MANY_COLUMNS);
        assertThat(m.en()).contains("300 columns").contains("256");
    }

    @Test
    void aRecordOfAMillionCommasIsRefusedBeforeItsCellsAreBuilt() {
        String text = "a,b\n1,2\n" + ",".repeat(1_000_000) + "\n";
        QuarantineCode.Message m = refusal(SubmissionFormat.CSV, text.getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(m.code()).isEqualTo(QuarantineCode.TOO_MANY_COLUMNS);
        assertThat(m.en()).contains("1025+");
        // Quoted line breaks do not reset the count: alternating quoted and bare cells are still counted.
        String alternating = "a,b\n" + "\"x\ny\"".concat(",".repeat(600)).repeat(3) + "\n";
        assertThat(refusal(SubmissionFormat.CSV, alternating.getBytes(StandardCharsets.UTF_8), LIMITS).code())
                .isEqualTo(QuarantineCode.TOO_MANY_COLUMNS);
    }

    @Test
    void commasAndQuotesInsideAQuotedCellAreOneCell() {
        String cell = "\"" + ",".repeat(3000) + "\"\"\n\"";
        SubmissionTable t = read(SubmissionFormat.CSV, ("a,b\n" + cell + ",2\n").getBytes(StandardCharsets.UTF_8));
        assertThat(t.rows().get(0).cells()).hasSize(2);
        assertThat(t.rows().get(0).cells().get(0)).hasSize(3002);
        assertThat(t.rows().get(0).cells().get(1)).isEqualTo("2");
    }

    @Test
    void aStrayCellInColumnXfdDoesNotWidenAnyRow() throws Exception {
        byte[] bytes = HostileFiles.workbookWithStrayCell(new String[] {"工会代码", "指标代码", "数值", "单位"},
                new String[][] {{"130322", "workforce", "1200", "人"}, {"130322", "workforce", "1300", "人"}}, 1, false);
        SubmissionTable t = read(SubmissionFormat.XLSX, bytes);
        assertThat(t.headers()).containsExactly("工会代码", "指标代码", "数值", "单位");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).cells()).hasSize(4);
        assertThat(t.rows().get(0).extraCells()).isZero();
        assertThat(t.rows().get(1).cells()).hasSize(4);
        assertThat(t.rows().get(1).extraCells()).isEqualTo(1);
        assertThat(t.rows().get(1).firstExtraColumn()).isEqualTo(16_384);
        assertThat(t.rows().get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void aHeaderCellInColumnXfdRefusesTheWorkbook() throws Exception {
        byte[] bytes = HostileFiles.workbookWithStrayCell(new String[] {"工会代码"}, new String[][] {{"130322"}}, -1, true);
        QuarantineCode.Message m = refusal(SubmissionFormat.XLSX, bytes, LIMITS);
        assertThat(m.code()).isEqualTo(QuarantineCode.TOO_MANY_COLUMNS);
        assertThat(m.en()).contains("16384");
    }

    @Test
    void workbookNumbersAndDatesReadAsBefore() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("s");
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("d");
            h.createCell(1).setCellValue("n");
            h.createCell(2).setCellValue("b");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            var r = sheet.createRow(1);
            var c = r.createCell(0);
            c.setCellValue(java.time.LocalDate.of(2024, 7, 5));
            c.setCellStyle(date);
            r.createCell(1).setCellValue(300.0);
            r.createCell(2).setCellValue(true);
            var r2 = sheet.createRow(2);
            r2.createCell(1).setCellValue(1.2E10);
            r2.createCell(0).setCellFormula("1+1");
            wb.write(out);
            SubmissionTable t = read(SubmissionFormat.XLSX, out.toByteArray());
            assertThat(t.rows().get(0).cells()).containsExactly("2024-07-05", "300", "true");
            assertThat(t.rows().get(1).cells().get(1)).isEqualTo("12000000000");
        }
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
        byte[] bomb = HostileFiles.zipBombWorkbook(20L << 20);
        assertThat(bomb.length).isLessThan(200_000);
        QuarantineCode.Message m = refusal(SubmissionFormat.XLSX, bomb, LIMITS);
        assertThat(m.code()).isEqualTo(QuarantineCode.WORKBOOK_TOO_LARGE);
        assertThat(m.en()).contains("xl/worksheets/sheet1.xml").contains(":1");
    }

    @Test
    void aPartOverTheSizeLimitIsRefusedEvenAtAnOrdinaryRatio() throws Exception {
        byte[] bomb = HostileFiles.zipBombWorkbook(3L << 20);
        IngestLimits tight = LIMITS.withMaxWorkbookPartBytes(1L << 20);
        QuarantineCode.Message m = refusal(SubmissionFormat.XLSX, bomb,
                new IngestLimits(tight.maxFileBytes(), tight.maxWorkbookPartBytes(), 10_000, 1000, 500_000, 256, 2000, 256, 30, 120,
                        Duration.ofMinutes(1)));
        assertThat(m.code()).isEqualTo(QuarantineCode.WORKBOOK_TOO_LARGE);
        assertThat(m.en()).contains("expands to").contains("1 MiB");
    }

    @Test
    void aDamagedWorkbookIsUnreadable() {
        assertThat(refusal(SubmissionFormat.XLSX, HostileFiles.damagedWorkbook(), LIMITS).code()).isEqualTo(QuarantineCode.UNREADABLE_FILE);
    }

    @Test
    void jsonLinesThatAddAKeyOnEveryLineAreRefusedBeforeAnyRowIsBuilt() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            s.append("{\"org_code\":\"130322-0001\",\"k").append(i).append("\":\"x\"}\n");
        }
        QuarantineCode.Message m = refusal(SubmissionFormat.JSONL, s.toString().getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(m.code()).isEqualTo(QuarantineCode.TOO_MANY_COLUMNS);
        assertThat(m.en()).contains("257+").contains("256");
    }

    @Test
    void jsonLineProblemsAreRowProblemsAndEchoNothingPersonal() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        many.append("}");
        String text = String.join("\n",
                "{\"member_id\":\"A1\",\"event_date\":\"2024-07-01\",\"n\":1.20}",
                many.toString(),
                "{\"member_id\": 130306199001011234X, \"phone\": 13812345678}",
                "{\"member_id\":\"A2\",\"amount\":12345678901234567890123456789012345678901}",
                "{\"member_id\":\"A3\",\"member_id\":\"A4\"}",
                "[1,2]",
                "",
                "{\"member_id\":\"A5\",\"note\":\"\\u0000\"}");
        SubmissionTable t = read(SubmissionFormat.JSONL, text.getBytes(StandardCharsets.UTF_8));
        assertThat(t.headers()).containsExactly("member_id", "event_date", "n", "note");
        assertThat(t.rows()).hasSize(7);
        assertThat(t.rows().get(0).cells()).containsExactly("A1", "2024-07-01", "1.20", "");
        assertThat(t.rows().get(1).problem().reason()).isEqualTo(QuarantineCode.TOO_MANY_KEYS);
        assertThat(t.rows().get(2).problem().reason()).isEqualTo(QuarantineCode.BAD_JSON_LINE);
        assertThat(t.rows().get(2).problem().messageEn() + t.rows().get(2).problem().messageZh())
                .doesNotContain("130306199001011234").doesNotContain("13812345678");
        assertThat(t.rows().get(3).problem().reason()).isEqualTo(QuarantineCode.BAD_NUMBER);
        assertThat(t.rows().get(3).problem().messageEn()).contains("30 digits");
        assertThat(t.rows().get(4).problem().reason()).isEqualTo(QuarantineCode.BAD_JSON_LINE);
        assertThat(t.rows().get(5).problem().reason()).isEqualTo(QuarantineCode.BAD_JSON_LINE);
        assertThat(t.rows().get(6).rowNumber()).isEqualTo(8);
        assertThat(t.rows().get(6).cells().get(3)).isEqualTo("\u0000");
    }

    @Test
    void anOverlongJsonLineIsARowProblemAndIsNotHeld() {
        IngestLimits small = new IngestLimits(1 << 20, 1 << 20, 100, 100, 1000, 2, 10, 5, 32, 120, Duration.ofMinutes(1));
        String text = "{\"a\":\"1\"}\n{\"a\":\"" + "x".repeat(5000) + "\"}\n{\"a\":\"2\"}\n";
        SubmissionTable t = SubmissionReader.readAll(SubmissionFormat.JSONL, text.getBytes(StandardCharsets.UTF_8), small);
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(1).problem().reason()).isEqualTo(QuarantineCode.VALUE_TOO_LONG);
        assertThat(t.rows().get(2).cells()).containsExactly("2");
    }

    @Test
    void emptyFilesAreUnreadable() {
        assertThat(refusal(SubmissionFormat.CSV, new byte[0], LIMITS).code()).isEqualTo(QuarantineCode.UNREADABLE_FILE);
        assertThat(refusal(SubmissionFormat.JSONL, "\n\n".getBytes(StandardCharsets.UTF_8), LIMITS).code())
                .isEqualTo(QuarantineCode.UNREADABLE_FILE);
    }

    @Test
    void theDeadlineStopsReading() {
        RefusedFileException e = catchThrowableOfType(RefusedFileException.class, () -> SubmissionReader.read(SubmissionFormat.CSV,
                "a\n1\n".getBytes(StandardCharsets.UTF_8), LIMITS, Deadline.after(Duration.ofNanos(1), "0.001"), new RowSink() {
                    @Override
                    public void header(List<String> headers, String format) {}

                    @Override
                    public void row(SourceRow row) {}
                }));
        assertThat(e.reason().code()).isEqualTo(QuarantineCode.TIMED_OUT);
        assertThat(e.reason().en()).contains("0.001 seconds");
    }

    @Test
    void cellReferencesBeyondXfdAreClamped() {
        assertThat(XlsxSubmissionReader.column("A1")).isZero();
        assertThat(XlsxSubmissionReader.column("XFD1048576")).isEqualTo(16_383);
        assertThat(XlsxSubmissionReader.column("ZZZZZZZZZZZZ1")).isEqualTo(16_384);
    }
}
