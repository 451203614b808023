package org.unionstats.ingest.read;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX: the first sheet, one header row; numbers and dates as cells or as text; blank rows ignored. */
final class XlsxSubmissionReader {

    private XlsxSubmissionReader() {}

    static SubmissionTable read(byte[] bytes) throws UnreadableFileException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFileException("工作簿中没有工作表", "the workbook has no sheet", null);
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> headers = null;
            List<SourceRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = cells(row, formatter, headers == null ? row.getLastCellNum() : headers.size());
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(new SourceRow(row.getRowNum() + 1, cells, null));
                }
            }
            if (headers == null) {
                throw new UnreadableFileException("第一个工作表为空，没有表头行", "the first sheet is empty: it has no header row", null);
            }
            return new SubmissionTable(headers, rows, "xlsx");
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new UnreadableFileException(
                    "Excel 工作簿已损坏或不是 .xlsx 格式，无法打开；请在 Excel 中重新保存为 .xlsx 后再报送",
                    "the Excel workbook is damaged or not in .xlsx format and cannot be opened; save it again as .xlsx and resend it", e);
        }
    }

    private static List<String> cells(Row row, DataFormatter formatter, int width) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(width, 0); i++) {
            cells.add(text(row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL), formatter));
        }
        return cells;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            // Plain digits: no grouping, no scientific notation, no float noise.
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        return formatter.formatCellValue(cell);
    }
}
