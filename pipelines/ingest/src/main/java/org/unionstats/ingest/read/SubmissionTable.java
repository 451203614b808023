package org.unionstats.ingest.read;

import java.util.List;

/** A submission decoded into its header row and data rows: for tests and small files; the ingest streams rows through a {@link RowSink}. */
public record SubmissionTable(List<String> headers, List<SourceRow> rows, String encoding) {

    public SubmissionTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
