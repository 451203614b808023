package org.unionstats.samples;

import java.util.Map;
import java.util.TreeMap;

/** Counts of what was written; one per task, merged at the end. Not thread-safe. */
final class Tally {

    int files;
    long memberEvents;
    final Map<String, Long> rowsByRecordType = new TreeMap<>();
    final Map<String, Long> mistakesByKind = new TreeMap<>();

    void rows(String type, long n) {
        rowsByRecordType.merge(type, n, Long::sum);
    }

    void mistakes(String kind, long n) {
        if (n != 0) {
            mistakesByKind.merge(kind, n, Long::sum);
        }
    }

    void mistakes(Map<String, Long> counts) {
        counts.forEach(this::mistakes);
    }

    Tally add(Tally other) {
        files += other.files;
        memberEvents += other.memberEvents;
        other.rowsByRecordType.forEach(this::rows);
        other.mistakesByKind.forEach(this::mistakes);
        return this;
    }

    GenerationSummary summary() {
        return new GenerationSummary(files, rowsByRecordType, mistakesByKind, memberEvents);
    }
}
