package org.unionstats.ingest.read;

import java.util.List;

/**
 * Where a reader sends a submission as it reads it: the header row once, then each data row in
 * file order. Nothing is collected on the way, so a file is read in memory proportional to one
 * row. Either method may throw {@link RefusedFileException} to stop the reading.
 */
public interface RowSink {

    /**
     * @param headers the header row, without the empty columns after its last header; at most the column limit
     * @param format the format and encoding as the receipt states it ({@code csv/UTF-8}, {@code xlsx}, {@code jsonl/GB18030})
     */
    void header(List<String> headers, String format);

    /** One data row that is not blank. */
    void row(SourceRow row);
}
