package org.unionstats.warehouse.receipts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Which submissions the KPI tables reflect: the receipts (period, file and status) the last complete
 * KPI run saw, kept in {@link WarehouseLayout#kpiState()}. A new, replaced or removed receipt marks its
 * period as changed; everything else is untouched.
 */
public final class KpiState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public KpiState(WarehouseLayout layout) {
        this.file = layout.kpiState();
    }

    /**
     * The file's content.
     *
     * @param catalogue the KPI catalogue's fingerprint the tables were computed with (null in files written before it
     *     was kept)
     */
    public record Snapshot(Set<String> receipts, String catalogue) {}

    /** The key of one receipt: {@code period|submission_id|source_file|status}. */
    public static String key(String period, String submissionId, String sourceFile, String status) {
        return period + "|" + submissionId + "|" + sourceFile + "|" + status;
    }

    /** The receipts the last complete KPI run saw; empty when it never completed or the file is unreadable. */
    public Optional<Set<String>> saved() {
        return snapshot().map(Snapshot::receipts);
    }

    /** Whether the last complete KPI run used a catalogue with another fingerprint (or none is known). */
    public boolean catalogueChanged(String fingerprint) {
        return !fingerprint.equals(snapshot().map(Snapshot::catalogue).orElse(null));
    }

    private Optional<Snapshot> snapshot() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Snapshot.class)).filter(s -> s.receipts() != null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The submission periods whose receipts differ between the saved state and {@code now} (every
     * period when nothing is saved), ordered by {@code order}.
     */
    public Set<String> changedPeriods(Set<String> now, Function<String, String> order) {
        Set<String> changed = new TreeSet<>(Comparator.comparing(order));
        changedReceipts(now).forEach(k -> changed.add(periodOf(k)));
        return changed;
    }

    /** The keys of the receipts that are new, changed or gone since the saved state (all of {@code now} when none). */
    public Set<String> changedReceipts(Set<String> now) {
        Set<String> changed = newReceipts(now);
        changed.addAll(goneReceipts(now));
        return changed;
    }

    /** The keys of {@code now} the saved state does not hold: new submissions, or new statuses of earlier ones. */
    public Set<String> newReceipts(Set<String> now) {
        Set<String> before = saved().orElse(Set.of());
        Set<String> added = new TreeSet<>(now);
        added.removeAll(before);
        return added;
    }

    /** The keys of the saved state {@code now} does not hold: submissions replaced, withdrawn or given a new status. */
    public Set<String> goneReceipts(Set<String> now) {
        Set<String> gone = new TreeSet<>(saved().orElse(Set.of()));
        gone.removeAll(now);
        return gone;
    }

    /** The submission id of a receipt's key. */
    public static String submissionIdOf(String key) {
        int afterPeriod = key.indexOf('|');
        return key.substring(afterPeriod + 1, key.indexOf('|', afterPeriod + 1));
    }

    /** The status of a receipt's key. */
    public static String statusOf(String key) {
        return key.substring(key.lastIndexOf('|') + 1);
    }

    /** The source file of a receipt's key (the inbox-relative path). */
    public static String sourceFileOf(String key) {
        int afterId = key.indexOf('|', key.indexOf('|') + 1);
        return key.substring(afterId + 1, key.lastIndexOf('|'));
    }

    /** The submission period of a receipt's key. */
    public static String periodOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /**
     * Written only after every table is written, so a failed run is redone in full next time.
     *
     * @param catalogue the fingerprint of the KPI catalogue the tables were computed with
     */
    public void save(Set<String> receipts, String catalogue) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), new Snapshot(new TreeSet<>(receipts), catalogue));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
