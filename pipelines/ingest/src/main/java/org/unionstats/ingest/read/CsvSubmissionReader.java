package org.unionstats.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.text.Charsets;

/**
 * CSV in UTF-8 (with or without BOM) or GB18030/GBK, detected from the bytes and decoded as a
 * stream: bytes that are not valid in the detected charset become U+FFFD in the cells they
 * touch (the checker refuses those rows), the rest of the file reads normally.
 */
final class CsvSubmissionReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get();

    private CsvSubmissionReader() {}

    /** Cells a record may have before the file is refused: room for cells beyond the header (row errors), bounded. */
    static int maxCellsPerRecord(IngestLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * limits.maxColumns(), limits.maxColumns() + 64L));
    }

    static void read(byte[] bytes, IngestLimits limits, Deadline deadline, RowSink sink) {
        Charset charset = Charsets.detect(bytes);
        int width = -1;
        int maxCells = maxCellsPerRecord(limits);
        try (Reader reader = new CsvCellGuard(Charsets.reader(bytes, charset), maxCells,
                        () -> SubmissionReader.tooManyColumns((maxCells + 1) + "+", limits));
                CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                deadline.check();
                List<String> cells = record.toList();
                if (width < 0) {
                    List<String> headers = SubmissionReader.trimTrailingBlank(cells);
                    SubmissionReader.checkWidth(headers.size(), limits);
                    if (!headers.isEmpty() && headers.get(0).startsWith("\uFEFF")) {
                        headers.set(0, headers.get(0).substring(1));
                    }
                    width = headers.size();
                    sink.header(headers, "csv/" + charset.name());
                    continue;
                }
                if (SubmissionReader.blank(cells)) {
                    continue;
                }
                sink.row(SubmissionReader.fit((int) Math.min(Integer.MAX_VALUE, record.getRecordNumber()), cells, width));
            }
        } catch (RefusedFileException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            RefusedFileException refusal = RefusedFileException.find(e);
            if (refusal != null) {
                throw refusal;
            }
            throw new UnreadableFileException(
                    "CSV 文件格式损坏，无法读取（常见原因：引号未闭合）：" + e.getMessage(),
                    "the CSV file is malformed and cannot be read (often an unclosed quote): " + e.getMessage(), e);
        }
        if (width < 0) {
            throw new UnreadableFileException("文件为空，没有表头行", "the file is empty: it has no header row", null);
        }
    }
}
