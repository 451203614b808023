package org.unionstats.letters.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionstats.letters.compose.KpiRow;
import org.unionstats.letters.compose.Letter;

/**
 * One workbook for the city, one sheet per county's letter, for the office that edits them before they go out: every
 * paragraph in a cell of its own across the sheet's width, the KPI table in cells, printable on A4.
 */
public final class XlsxLetters implements LetterWriter {

    /** Column widths in characters: the KPI's name, then its figures. */
    private static final int NAME_WIDTH = 22;
    private static final int FIGURE_WIDTH = 13;
    private static final int COLUMNS = KpiRow.HEADINGS.size();
    private static final float LINE_HEIGHT = 16;

    @Override
    public List<Path> write(List<Letter> letters, Path folder) throws IOException {
        if (letters.isEmpty()) {
            return List.of();
        }
        Path file = folder.resolve(FileNames.city(letters.get(0), "xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Styles styles = new Styles(workbook);
            for (Letter letter : letters) {
                sheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(letter.countyName())), letter, styles);
            }
            workbook.write(out);
        }
        return List.of(file);
    }

    private static void sheet(Sheet sheet, Letter l, Styles s) {
        sheet.setColumnWidth(0, NAME_WIDTH * 256);
        for (int c = 1; c < COLUMNS; c++) {
            sheet.setColumnWidth(c, FIGURE_WIDTH * 256);
        }
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);

        Lines lines = new Lines(sheet);
        lines.add(l.heading(), s.letterhead);
        lines.add(l.reference(), s.right);
        lines.add(l.title(), s.title);
        lines.add(l.addressee(), s.text);
        lines.add(l.opening(), s.text);
        lines.add(Letter.KPI_SECTION, s.section);
        if (!l.kpis().isEmpty()) {
            lines.cells(KpiRow.HEADINGS, s.tableHeading);
            l.kpis().forEach(r -> lines.cells(r.cells(), s.tableCell));
        }
        l.kpiNotes().forEach(n -> lines.add(n, s.text));
        lines.add(Letter.EVALUATION_SECTION, s.section);
        l.evaluation().forEach(e -> lines.add(e, s.text));
        lines.add(Letter.PRIORITIES_SECTION, s.section);
        for (int i = 0; i < l.priorities().size(); i++) {
            lines.add((i + 1) + "．" + l.priorities().get(i), s.text);
        }
        if (!l.opinions().isEmpty()) {
            lines.add("（二）" + Letter.OPINIONS_PART, s.text);
            for (int i = 0; i < l.opinions().size(); i++) {
                lines.add((l.priorities().size() + i + 1) + "．" + l.opinions().get(i), s.text);
            }
        }
        lines.add(l.itemNote(), s.text);
        lines.add(Letter.QUALITY_SECTION, s.section);
        lines.add("（一）报送情况", s.text);
        l.reportingNotes().forEach(n -> lines.add(n, s.text));
        lines.add("（二）数据质量问题", s.text);
        l.findingNotes().forEach(n -> lines.add(n, s.text));
        if (!l.followUps().isEmpty()) {
            lines.add(Letter.FOLLOW_UP_SECTION, s.section);
            l.followUps().forEach(f -> lines.add(f, s.text));
        }
        lines.add(l.closing(), s.text);
        lines.add(l.sender(), s.right);
        lines.add(l.date(), s.right);
        if (!l.corrections().isEmpty()) {
            lines.add(Letter.CORRECTIONS_SECTION, s.section);
            l.corrections().forEach(c -> lines.add(c, s.text));
        }
    }

    /** The sheet's rows, one after the other. */
    private static final class Lines {

        private final Sheet sheet;
        private int next;

        Lines(Sheet sheet) {
            this.sheet = sheet;
        }

        /** A paragraph across the sheet's width, as high as its wrapped lines need. */
        void add(String text, CellStyle style) {
            Row row = sheet.createRow(next);
            row.createCell(0).setCellValue(text);
            row.getCell(0).setCellStyle(style);
            for (int c = 1; c < COLUMNS; c++) {
                row.createCell(c).setCellStyle(style);
            }
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, COLUMNS - 1));
            int perLine = NAME_WIDTH + (COLUMNS - 1) * FIGURE_WIDTH;
            row.setHeightInPoints(Math.max(1, (int) Math.ceil(displayWidth(text) * 1.1 / perLine)) * LINE_HEIGHT + 4);
            next++;
        }

        /** A row of the KPI table, one value per cell. */
        void cells(List<String> values, CellStyle style) {
            Row row = sheet.createRow(next++);
            int lines = 1;
            for (int c = 0; c < values.size(); c++) {
                row.createCell(c).setCellValue(values.get(c));
                row.getCell(c).setCellStyle(style);
                int width = c == 0 ? NAME_WIDTH : FIGURE_WIDTH;
                lines = Math.max(lines, (int) Math.ceil(displayWidth(values.get(c)) * 1.1 / width));
            }
            row.setHeightInPoints(lines * LINE_HEIGHT + 2);
        }

        /** Width in Latin characters: a Chinese character takes two. */
        private static int displayWidth(String text) {
            return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
        }
    }

    /** The workbook's cell styles, made once. */
    private static final class Styles {

        final CellStyle letterhead;
        final CellStyle title;
        final CellStyle section;
        final CellStyle text;
        final CellStyle right;
        final CellStyle tableHeading;
        final CellStyle tableCell;

        Styles(Workbook workbook) {
            letterhead = style(workbook, font(workbook, 18, true, IndexedColors.DARK_RED), HorizontalAlignment.CENTER);
            title = style(workbook, font(workbook, 14, true, IndexedColors.BLACK), HorizontalAlignment.CENTER);
            section = style(workbook, font(workbook, 12, true, IndexedColors.BLACK), HorizontalAlignment.LEFT);
            Font plain = font(workbook, 11, false, IndexedColors.BLACK);
            text = style(workbook, plain, HorizontalAlignment.LEFT);
            right = style(workbook, plain, HorizontalAlignment.RIGHT);
            tableHeading = bordered(style(workbook, font(workbook, 10, true, IndexedColors.BLACK), HorizontalAlignment.CENTER));
            tableHeading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            tableHeading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            tableCell = bordered(style(workbook, font(workbook, 10, false, IndexedColors.BLACK), HorizontalAlignment.CENTER));
        }

        private static Font font(Workbook workbook, int points, boolean bold, IndexedColors color) {
            Font font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setColor(color.getIndex());
            return font;
        }

        private static CellStyle style(Workbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setWrapText(true);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

        private static CellStyle bordered(CellStyle style) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
