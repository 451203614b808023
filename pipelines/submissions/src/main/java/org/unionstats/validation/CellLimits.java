package org.unionstats.validation;

import java.io.Serializable;
import org.unionstats.values.ChineseNumberParser;

/**
 * How much one cell may hold: longer cells are refused as {@code VALUE_TOO_LONG} before anything reads them,
 * numbers written with more digits as {@code OUT_OF_RANGE}. The ingest passes its configured limits; the
 * defaults suit every column of the contract (the longest real values are names and titles of a few dozen
 * characters).
 *
 * @param maxCellLength the most characters (code points) of one cell, as written
 * @param maxDigits the most digits of one number
 */
public record CellLimits(int maxCellLength, int maxDigits) implements Serializable {

    public static final int DEFAULT_MAX_CELL_LENGTH = 2_000;

    public static final CellLimits DEFAULTS =
            new CellLimits(DEFAULT_MAX_CELL_LENGTH, ChineseNumberParser.DEFAULT_MAX_DIGITS);

    public CellLimits {
        if (maxCellLength < 1 || maxDigits < 1) {
            throw new IllegalArgumentException("cell limits must be positive: " + maxCellLength + ", " + maxDigits);
        }
    }
}
