package org.unionstats.samples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionstats.contract.RecordType;
import org.unionstats.text.Charsets;

/**
 * Writes one submission file in its style: CSV (UTF-8 with or without BOM, or GB18030), XLSX (first sheet, one
 * header row) or JSON Lines with English keys. Also writes damaged workbooks (truncated bytes).
 */
final class SubmissionWriter {

    /** Fixed creation date of every workbook, so runs with the same seed differ in no property. */
    private static final Date WORKBOOK_CREATED = Date.from(LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(8)));

    private static final LocalDateTime WORKBOOK_ENTRY_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Catalog catalog;

    SubmissionWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Writes the rows to {@code dir/<style file name>}; returns the file. */
    Path write(Path dir, RecordType type, List<Map<String, Object>> rows, FileStyle style, Rng rng) {
        ValueRenderer renderer = new ValueRenderer(catalog, type, style, rng);
        Path file = dir.resolve(style.fileName());
        try {
            Files.createDirectories(dir);
            byte[] bytes = switch (style.format()) {
                case CSV_UTF8 -> csv(rows, renderer, StandardCharsets.UTF_8, false);
                case CSV_UTF8_BOM -> csv(rows, renderer, StandardCharsets.UTF_8, true);
                case CSV_GB18030 -> csv(rows, renderer, Charsets.GB18030, false);
                case XLSX -> xlsx(rows, renderer, type, rng);
                case JSONL -> jsonl(rows, renderer);
            };
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Writes a workbook cut off part-way, as a broken upload or a full disk leaves it. */
    Path writeDamaged(Path dir, RecordType type, List<Map<String, Object>> rows, FileStyle style, Rng rng) {
        ValueRenderer renderer = new ValueRenderer(catalog, type, style, rng);
        Path file = dir.resolve(style.fileName());
        try {
            Files.createDirectories(dir);
            byte[] whole = xlsx(rows, renderer, type, rng);
            int keep = (int) (whole.length * (0.35 + 0.3 * rng.nextDouble()));
            byte[] cut = new byte[keep];
            System.arraycopy(whole, 0, cut, 0, keep);
            Files.write(file, cut);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static List<String> headerColumns(FileStyle style) {
        List<String> columns = new ArrayList<>(style.columns());
        if (style.extraColumn() != null) {
            columns.add(style.extraColumn());
        }
        return columns;
    }

    private static byte[] csv(List<Map<String, Object>> rows, ValueRenderer r, Charset charset, boolean bom)
            throws IOException {
        FileStyle style = r.style();
        StringWriter text = new StringWriter(rows.size() * 80 + 200);
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            for (String c : headerColumns(style)) {
                header.add(c.equals(style.extraColumn()) ? c : r.header(c));
            }
            printer.printRecord(header);
            List<String> cells = new ArrayList<>(header.size());
            for (Map<String, Object> row : rows) {
                r.startRow(row);
                cells.clear();
                for (String c : style.columns()) {
                    String v = r.text(c, row.get(c));
                    cells.add(v == null ? "" : v);
                }
                if (style.extraColumn() != null) {
                    String v = r.extraValue();
                    cells.add(v == null ? "" : v);
                }
                printer.printRecord(cells);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.getBuffer().length() * 2 + 3);
        try (Writer w = new OutputStreamWriter(out, charset)) {
            if (bom) {
                w.write('\uFEFF');
            }
            w.write(text.toString());
        }
        return out.toByteArray();
    }

    private static byte[] jsonl(List<Map<String, Object>> rows, ValueRenderer r) throws IOException {
        FileStyle style = r.style();
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 150 + 16);
        for (Map<String, Object> row : rows) {
            r.startRow(row);
            Map<String, Object> object = new LinkedHashMap<>();
            for (String c : style.columns()) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                object.put(c, v instanceof Long n ? n : r.text(c, v));
            }
            if (style.extraColumn() != null) {
                String v = r.extraValue();
                if (v != null) {
                    object.put(style.extraColumn(), v);
                }
            }
            JSON.writeValue((OutputStream) out, object);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private byte[] xlsx(List<Map<String, Object>> rows, ValueRenderer r, RecordType type, Rng rng) throws IOException {
        FileStyle style = r.style();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setCreated(Optional.of(WORKBOOK_CREATED));
            wb.getProperties().getCoreProperties().setModified(Optional.of(WORKBOOK_CREATED));
            wb.getProperties().getCoreProperties().setCreator("Administrator");
            Sheet sheet = wb.createSheet(rng.chance(0.5) ? "Sheet1" : type.zhName());
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat(rng.chance(0.6) ? "yyyy-mm-dd" : "yyyy/m/d"));
            List<String> columns = headerColumns(style);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                header.createCell(i).setCellValue(c.equals(style.extraColumn()) ? c : r.header(c));
            }
            int n = 1;
            for (Map<String, Object> row : rows) {
                r.startRow(row);
                Row x = sheet.createRow(n++);
                for (int i = 0; i < style.columns().size(); i++) {
                    String c = style.columns().get(i);
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = x.createCell(i);
                    if (v instanceof Long l && style.xlsxNumericCells()) {
                        cell.setCellValue(l.doubleValue());
                    } else if (v instanceof LocalDate d && style.xlsxDateCells()) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(r.text(c, v));
                    }
                }
                if (style.extraColumn() != null) {
                    String v = r.extraValue();
                    if (v != null) {
                        x.createCell(style.columns().size()).setCellValue(v);
                    }
                }
            }
            if (rng.chance(0.2)) {
                sheet.createRow(n); // a blank trailing row, as Excel users leave them
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + rows.size() * 60);
            wb.write(out);
            return withFixedEntryTimes(out.toByteArray());
        }
    }

    /**
     * The same zip with every entry stamped {@link #WORKBOOK_ENTRY_TIME}: POI stamps the entries with the current
     * time, which would make two runs' workbooks differ in bytes though not in content.
     */
    static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 512);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(WORKBOOK_ENTRY_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
