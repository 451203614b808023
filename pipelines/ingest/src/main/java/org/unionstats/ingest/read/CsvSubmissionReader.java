package org.unionstats.ingest.read;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.unionstats.text.Charsets;

/** CSV in UTF-8 (with or without BOM) or GB18030/GBK, detected from the bytes. */
final class CsvSubmissionReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get();

    private CsvSubmissionReader() {}

    static SubmissionTable read(byte[] bytes) throws UnreadableFileException {
        String encoding = Charsets.detect(bytes).name();
        String text = Charsets.decode(bytes);
        List<String> headers = null;
        List<SourceRow> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (headers == null) {
                    headers = cells;
                    continue;
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                rows.add(new SourceRow((int) record.getRecordNumber(), cells, null));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException(
                    "CSV 文件格式损坏，无法读取（常见原因：引号未闭合）：" + e.getMessage(),
                    "the CSV file is malformed and cannot be read (often an unclosed quote): " + e.getMessage(), e);
        }
        if (headers == null) {
            throw new UnreadableFileException("文件为空，没有表头行", "the file is empty: it has no header row", null);
        }
        return new SubmissionTable(headers, rows, "csv/" + encoding);
    }
}
