package org.unionstats.ingest;

import java.io.Serializable;
import java.time.Duration;
import org.unionstats.validation.CellLimits;
import org.unionstats.values.ChineseNumberParser;

/**
 * How much one submitted file may ask of the ingest. Each limit is checked before the work it
 * guards (sizes before reading, declared workbook part sizes before inflating, columns before
 * rows are built); a file over a limit is refused on its own, with its reason, and the batch
 * goes on. The defaults are generous for county submissions (thousands of rows) and keep a
 * hostile file within a small heap.
 *
 * @param maxFileBytes bytes per submitted file ({@code FILE_TOO_LARGE}); the file is neither hashed nor read
 * @param maxWorkbookPartBytes uncompressed bytes per part of an .xlsx (sheet, shared strings, styles),
 *     as declared and as actually inflated ({@code WORKBOOK_TOO_LARGE})
 * @param maxCompressionRatio uncompressed ÷ compressed size of a workbook part over 100 KiB ({@code WORKBOOK_TOO_LARGE})
 * @param maxWorkbookEntries files inside an .xlsx ({@code WORKBOOK_TOO_LARGE})
 * @param maxRows data rows per file ({@code TOO_MANY_ROWS}: the file is refused)
 * @param maxColumns header columns per file, and distinct keys per JSON Lines file ({@code TOO_MANY_COLUMNS});
 *     empty columns after the last header are not counted; a CSV record with more than four times as
 *     many cells refuses the file too (cells beyond the header are otherwise row errors)
 * @param maxCellChars characters (code points) per cell ({@code VALUE_TOO_LONG}: the row is refused); passed on to the
 *     row validator ({@link CellLimits})
 * @param maxJsonKeysPerLine keys of one JSON Lines object ({@code TOO_MANY_KEYS}: the row is refused)
 * @param maxNumberDigits digits in a number: JSON Lines numbers longer than this are refused by the
 *     reader ({@code BAD_NUMBER}); every cell's number is held to it by the row validator's number
 *     parser ({@link CellLimits#maxDigits()})
 * @param maxFileNameChars characters in a file name ({@code BAD_PATH})
 * @param timePerFile wall-clock time to check one file ({@code TIMED_OUT})
 */
public record IngestLimits(
        long maxFileBytes,
        long maxWorkbookPartBytes,
        int maxCompressionRatio,
        int maxWorkbookEntries,
        long maxRows,
        int maxColumns,
        int maxCellChars,
        int maxJsonKeysPerLine,
        int maxNumberDigits,
        int maxFileNameChars,
        Duration timePerFile) implements Serializable {

    private static final long MIB = 1024L * 1024L;

    public IngestLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxWorkbookPartBytes", maxWorkbookPartBytes);
        positive("maxCompressionRatio", maxCompressionRatio);
        positive("maxWorkbookEntries", maxWorkbookEntries);
        positive("maxRows", maxRows);
        positive("maxColumns", maxColumns);
        positive("maxCellChars", maxCellChars);
        positive("maxJsonKeysPerLine", maxJsonKeysPerLine);
        positive("maxNumberDigits", maxNumberDigits);
        positive("maxFileNameChars", maxFileNameChars);
        if (timePerFile == null || timePerFile.isNegative() || timePerFile.isZero()) {
            throw new IllegalArgumentException("timePerFile must be positive: " + timePerFile);
        }
    }

    /**
     * 64 MiB per file; 64 MiB per workbook part, compression ratio 100 (POI's own default) and
     * 1 000 parts per workbook; 200 000 rows; 256 columns; 2 000 characters per cell and 30 digits per
     * number (the row validator's own defaults, {@link CellLimits#DEFAULTS}); 256 keys per JSON object; 120 characters per file name; 5 minutes per file.
     */
    public static IngestLimits defaults() {
        return new IngestLimits(64 * MIB, 64 * MIB, 100, 1_000, 200_000, 256, CellLimits.DEFAULT_MAX_CELL_LENGTH, 256,
                ChineseNumberParser.DEFAULT_MAX_DIGITS, 120, Duration.ofMinutes(5));
    }

    public IngestLimits withMaxFileBytes(long value) {
        return new IngestLimits(value, maxWorkbookPartBytes, maxCompressionRatio, maxWorkbookEntries, maxRows, maxColumns,
                maxCellChars, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, timePerFile);
    }

    public IngestLimits withMaxWorkbookPartBytes(long value) {
        return new IngestLimits(maxFileBytes, value, maxCompressionRatio, maxWorkbookEntries, maxRows, maxColumns,
                maxCellChars, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, timePerFile);
    }

    public IngestLimits withMaxRows(long value) {
        return new IngestLimits(maxFileBytes, maxWorkbookPartBytes, maxCompressionRatio, maxWorkbookEntries, value, maxColumns,
                maxCellChars, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, timePerFile);
    }

    public IngestLimits withMaxColumns(int value) {
        return new IngestLimits(maxFileBytes, maxWorkbookPartBytes, maxCompressionRatio, maxWorkbookEntries, maxRows,
                value, maxCellChars, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, timePerFile);
    }

    public IngestLimits withMaxCellChars(int value) {
        return new IngestLimits(maxFileBytes, maxWorkbookPartBytes, maxCompressionRatio, maxWorkbookEntries, maxRows, maxColumns,
                value, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, timePerFile);
    }

    public IngestLimits withTimePerFile(Duration value) {
        return new IngestLimits(maxFileBytes, maxWorkbookPartBytes, maxCompressionRatio, maxWorkbookEntries, maxRows, maxColumns,
                maxCellChars, maxJsonKeysPerLine, maxNumberDigits, maxFileNameChars, value);
    }

    /** The limits the row validator applies to each cell (length, digits). */
    public CellLimits cellLimits() {
        return new CellLimits(maxCellChars, maxNumberDigits);
    }

    /** A size for messages: {@code 64 MiB}, {@code 300 KiB}, {@code 512 B}. */
    public static String bytes(long n) {
        if (n >= MIB) {
            return trim(n / (double) MIB) + " MiB";
        }
        if (n >= 1024) {
            return trim(n / 1024.0) + " KiB";
        }
        return n + " B";
    }

    /** The time limit for messages, in seconds. */
    public String seconds() {
        long millis = timePerFile.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : trim(millis / 1000.0);
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
