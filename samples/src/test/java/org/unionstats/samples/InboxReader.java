package org.unionstats.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.unionstats.text.Charsets;

/** Reads generated files back for the tests: header and rows as text, whatever the format. */
final class InboxReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's header (as written) and rows keyed by header (JSON Lines: by key). */
    record Table(List<String> header, List<Map<String, String>> rows) {}

    private InboxReader() {}

    /** Every submission file under the root (the summary and other '_'/'.' files excluded), sorted. */
    static List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    static Table read(Path file) throws IOException {
        return switch (extension(file)) {
            case "csv" -> csv(Files.readAllBytes(file));
            case "jsonl" -> jsonl(file);
            case "xlsx" -> xlsx(file);
            default -> throw new IllegalArgumentException("unexpected file " + file);
        };
    }

    static Table csv(byte[] bytes) throws IOException {
        String text = Charsets.decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> it = parser.iterator();
            List<String> header = it.next().toList();
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNext()) {
                CSVRecord r = it.next();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < r.size() ? r.get(i) : "");
                }
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }

    static Table jsonl(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            Map<String, String> row = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
                if (!keys.contains(e.getKey())) {
                    keys.add(e.getKey());
                }
            });
            rows.add(row);
        }
        return new Table(keys, rows);
    }

    static Table xlsx(Path file) throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row first = sheet.getRow(0);
            List<String> header = new ArrayList<>();
            for (int i = 0; i < first.getLastCellNum(); i++) {
                header.add(formatter.formatCellValue(first.getCell(i)));
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getLastCellNum() < 0) {
                    continue; // blank trailing rows are ignored, as the contract says
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean any = false;
                for (int i = 0; i < header.size(); i++) {
                    Cell cell = row.getCell(i);
                    String v = cell == null ? "" : formatter.formatCellValue(cell);
                    any |= !v.isEmpty();
                    values.put(header.get(i), v);
                }
                if (any) {
                    rows.add(values);
                }
            }
            return new Table(header, rows);
        }
    }
}
