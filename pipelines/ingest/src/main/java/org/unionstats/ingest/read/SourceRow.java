package org.unionstats.ingest.read;

import java.io.Serializable;
import java.util.List;
import org.unionstats.validation.Violation;

/**
 * One data row as written in the file, cut to the width of the header.
 *
 * @param rowNumber the row a clerk sees: spreadsheet row (header = 1) or JSON Lines line number
 * @param cells the cells under the header, as read (nothing normalised or removed)
 * @param extraCells how many cells beyond the header hold something; they are not kept
 * @param firstExtraColumn the 1-based column of the first of them, 0 when there is none
 * @param problem why the row itself could not be read (a broken JSON line, too many keys), or null
 */
public record SourceRow(int rowNumber, List<String> cells, int extraCells, int firstExtraColumn, Violation problem)
        implements Serializable {

    public SourceRow {
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }

    /** A row read whole, with nothing beyond the header. */
    public SourceRow(int rowNumber, List<String> cells) {
        this(rowNumber, cells, 0, 0, null);
    }
}
