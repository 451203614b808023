package org.unionstats.ingest.read;

import java.io.Serializable;
import java.util.List;

/**
 * One data row as written in the file.
 *
 * @param rowNumber the row a clerk sees: spreadsheet row (header = 1) or JSON Lines line number
 * @param parseError why the row itself could not be read (a broken JSON line), or null
 */
public record SourceRow(int rowNumber, List<String> cells, String parseError) implements Serializable {

    public SourceRow {
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
}
