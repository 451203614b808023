package org.unionstats.ingest.read;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.submission.SubmissionFormat;

/** Reads a submission's bytes by its format: the single entry point for every reader. */
public final class SubmissionReader {

    private SubmissionReader() {}

    /**
     * Streams the file into {@code sink}: header first, then every non-blank data row.
     *
     * @throws RefusedFileException when the file is refused as a whole (unreadable, over a limit, out of time)
     */
    public static void read(SubmissionFormat format, byte[] bytes, IngestLimits limits, Deadline deadline, RowSink sink) {
        switch (format) {
            case CSV -> CsvSubmissionReader.read(bytes, limits, deadline, sink);
            case XLSX -> XlsxSubmissionReader.read(bytes, limits, deadline, sink);
            case JSONL -> JsonLinesSubmissionReader.read(bytes, limits, deadline, sink);
        }
    }

    /** The whole file in memory, with default limits: for tests and small files. */
    public static SubmissionTable read(SubmissionFormat format, byte[] bytes) {
        return readAll(format, bytes, IngestLimits.defaults());
    }

    /** The whole file in memory: for tests and small files. */
    public static SubmissionTable readAll(SubmissionFormat format, byte[] bytes, IngestLimits limits) {
        List<String> headers = new ArrayList<>();
        List<SourceRow> rows = new ArrayList<>();
        String[] encoding = {null};
        read(format, bytes, limits, Deadline.after(limits.timePerFile(), limits.seconds()), new RowSink() {
            @Override
            public void header(List<String> h, String format) {
                headers.addAll(h);
                encoding[0] = format;
            }

            @Override
            public void row(SourceRow row) {
                rows.add(row);
            }
        });
        return new SubmissionTable(headers, rows, encoding[0]);
    }

    /** The header without the empty cells after its last non-blank one. */
    static List<String> trimTrailingBlank(List<String> cells) {
        int end = cells.size();
        while (end > 0 && (cells.get(end - 1) == null || cells.get(end - 1).isBlank())) {
            end--;
        }
        List<String> out = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            out.add(cells.get(i) == null ? "" : cells.get(i));
        }
        return out;
    }

    /** The first row of the file, once it is known to be the header. */
    static void checkWidth(int columns, IngestLimits limits) {
        if (columns > limits.maxColumns()) {
            throw tooManyColumns(Integer.toString(columns), limits);
        }
    }

    static RefusedFileException tooManyColumns(String count, IngestLimits limits) {
        return new RefusedFileException(org.unionstats.warehouse.quarantine.QuarantineCode.TOO_MANY_COLUMNS
                .message(java.util.Map.of("count", count, "limit", limits.maxColumns())));
    }

    /**
     * A data row cut to the header's width: cells beyond it are counted (when they hold
     * something) but not kept.
     */
    static SourceRow fit(int rowNumber, List<String> cells, int width) {
        if (cells.size() <= width) {
            return new SourceRow(rowNumber, cells);
        }
        int extra = 0;
        int first = 0;
        for (int i = width; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c != null && !c.isBlank()) {
                extra++;
                if (first == 0) {
                    first = i + 1;
                }
            }
        }
        return new SourceRow(rowNumber, cells.subList(0, width), extra, first, null);
    }

    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
