package org.unionstats.samples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of what was written; one per task, merged at the end. Not thread-safe. */
final class Tally {

    /** A file written and when it arrived (its modification time). */
    record Arrival(String path, Instant at) {}

    int files;
    long memberEvents;
    long membersAtStart;
    long hardshipOnFileAtStart;
    int lateFiles;
    final Map<String, Long> rowsByRecordType = new TreeMap<>();
    final Map<String, Long> mistakesByKind = new TreeMap<>();
    final List<Arrival> arrivals = new ArrayList<>();

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

    void arrival(String path, Instant at) {
        arrivals.add(new Arrival(path, at));
    }

    Tally add(Tally other) {
        files += other.files;
        memberEvents += other.memberEvents;
        membersAtStart += other.membersAtStart;
        hardshipOnFileAtStart += other.hardshipOnFileAtStart;
        lateFiles += other.lateFiles;
        other.rowsByRecordType.forEach(this::rows);
        other.mistakesByKind.forEach(this::mistakes);
        arrivals.addAll(other.arrivals);
        return this;
    }

    GenerationSummary summary(List<String> silentUnits, Map<String, String> unitsMissingAPeriod) {
        return new GenerationSummary(files, rowsByRecordType, mistakesByKind, memberEvents, membersAtStart,
                hardshipOnFileAtStart, lateFiles, silentUnits, unitsMissingAPeriod);
    }
}
