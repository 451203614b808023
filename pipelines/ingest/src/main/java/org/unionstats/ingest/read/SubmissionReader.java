package org.unionstats.ingest.read;

import org.unionstats.submission.SubmissionFormat;

/** Decodes a submission's bytes by its format: the single entry point for every reader. */
public final class SubmissionReader {

    private SubmissionReader() {}

    public static SubmissionTable read(SubmissionFormat format, byte[] bytes) throws UnreadableFileException {
        return switch (format) {
            case CSV -> CsvSubmissionReader.read(bytes);
            case XLSX -> XlsxSubmissionReader.read(bytes);
            case JSONL -> JsonLinesSubmissionReader.read(bytes);
        };
    }
}
