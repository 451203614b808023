package org.unionstats.cli.ingest;

import java.time.Duration;
import org.unionstats.cli.Arguments;
import org.unionstats.ingest.IngestLimits;
import picocli.CommandLine.Option;

/** The ingest's per-file limits as options; each left out keeps its default ({@link IngestLimits#defaults()}). */
public final class IngestLimitOptions {

    private static final long MIB = 1024L * 1024L;

    @Option(names = "--max-file-mib", description = "Largest submitted file, MiB (FILE_TOO_LARGE). Default: 64.")
    Long maxFileMib;

    @Option(names = "--max-workbook-part-mib", description = "Largest part of an .xlsx once uncompressed, MiB (WORKBOOK_TOO_LARGE). Default: 64.")
    Long maxWorkbookPartMib;

    @Option(names = "--max-compression-ratio", description = "Highest compression ratio of a workbook part (WORKBOOK_TOO_LARGE). Default: 100.")
    Integer maxCompressionRatio;

    @Option(names = "--max-workbook-entries", description = "Most files inside an .xlsx (WORKBOOK_TOO_LARGE). Default: 1000.")
    Integer maxWorkbookEntries;

    @Option(names = "--max-rows", description = "Most data rows per file (TOO_MANY_ROWS). Default: 200000.")
    Long maxRows;

    @Option(names = "--max-columns", description = "Most header columns per file (TOO_MANY_COLUMNS). Default: 256.")
    Integer maxColumns;

    @Option(names = "--max-cell-chars", description = "Longest cell, characters (VALUE_TOO_LONG). Default: 2000.")
    Integer maxCellChars;

    @Option(names = "--max-json-keys", description = "Most keys of one JSON Lines object (TOO_MANY_KEYS). Default: 256.")
    Integer maxJsonKeys;

    @Option(names = "--max-number-digits", description = "Most digits in a number (OUT_OF_RANGE, BAD_NUMBER). Default: 30.")
    Integer maxNumberDigits;

    @Option(names = "--max-file-name-chars", description = "Longest file name, characters (BAD_PATH). Default: 120.")
    Integer maxFileNameChars;

    @Option(names = "--seconds-per-file", description = "Longest time to check one file, seconds (TIMED_OUT). Default: 300.")
    Long secondsPerFile;

    public IngestLimits limits() {
        IngestLimits d = IngestLimits.defaults();
        return Arguments.parse(() -> new IngestLimits(
                maxFileMib == null ? d.maxFileBytes() : maxFileMib * MIB,
                maxWorkbookPartMib == null ? d.maxWorkbookPartBytes() : maxWorkbookPartMib * MIB,
                maxCompressionRatio == null ? d.maxCompressionRatio() : maxCompressionRatio,
                maxWorkbookEntries == null ? d.maxWorkbookEntries() : maxWorkbookEntries,
                maxRows == null ? d.maxRows() : maxRows,
                maxColumns == null ? d.maxColumns() : maxColumns,
                maxCellChars == null ? d.maxCellChars() : maxCellChars,
                maxJsonKeys == null ? d.maxJsonKeysPerLine() : maxJsonKeys,
                maxNumberDigits == null ? d.maxNumberDigits() : maxNumberDigits,
                maxFileNameChars == null ? d.maxFileNameChars() : maxFileNameChars,
                secondsPerFile == null ? d.timePerFile() : Duration.ofSeconds(secondsPerFile)));
    }
}
