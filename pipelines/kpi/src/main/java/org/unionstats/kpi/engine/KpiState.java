package org.unionstats.kpi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.period.Period;

/**
 * Which submissions the KPI tables reflect: the receipts (file and status) seen by the last run.
 * A new, replaced or removed receipt marks its period as changed; everything else is untouched.
 */
public final class KpiState {

    private final Path file;

    public KpiState(String warehouse) {
        this.file = Path.of(warehouse, "_kpi_state.json");
    }

    public record Snapshot(Set<String> receipts) {}

    /** Receipts now, as {@code period|submission_id|source_file|status}. */
    public static Set<String> currentReceipts(SparkSession spark) {
        Set<String> keys = new TreeSet<>();
        for (Row r : spark.sql("SELECT period, submission_id, source_file, status FROM ingest_receipts WHERE period <> 'unknown'")
                .collectAsList()) {
            keys.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
        }
        return keys;
    }

    /** Submission periods whose receipts changed since the last run; all of them on a first run. */
    public List<Period> changedPeriods(Set<String> now) {
        Set<String> before = load().receipts();
        Set<String> changed = new TreeSet<>();
        for (String k : now) {
            if (!before.contains(k)) {
                changed.add(k.substring(0, k.indexOf('|')));
            }
        }
        for (String k : before) {
            if (!now.contains(k)) {
                changed.add(k.substring(0, k.indexOf('|')));
            }
        }
        return changed.stream().map(Period::parse).sorted().toList();
    }

    public Snapshot load() {
        if (!Files.exists(file)) {
            return new Snapshot(Set.of());
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Written only after every table is written, so a failed run is redone in full next time. */
    public void save(Set<String> receipts) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().writeValue(tmp.toFile(), new Snapshot(receipts));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
