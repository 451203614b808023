package org.unionstats.submission;

import java.util.Locale;
import java.util.Optional;

/** File formats the contract accepts. */
public enum SubmissionFormat {
    CSV,
    XLSX,
    JSONL;

    public static Optional<SubmissionFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (lower.endsWith(".jsonl")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
