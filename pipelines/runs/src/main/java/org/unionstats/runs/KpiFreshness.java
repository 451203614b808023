package org.unionstats.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.unionstats.period.Period;

/**
 * Whether the KPI tables already reflect the receipts, read from the KPI job's own state
 * ({@code <warehouse>/_kpi_state.json}: the receipts its last complete run saw), so an unchanged
 * run does not even start Spark. When the state cannot be read, the KPI job decides.
 */
public final class KpiFreshness {

    public static final String STATE_FILE = "_kpi_state.json";

    private KpiFreshness() {}

    /**
     * The submission periods whose receipts differ from what the KPI tables reflect; every receipt
     * period when the KPI job never completed; empty when the KPI tables are up to date.
     */
    public static Set<String> changedPeriods(Path warehouse, Collection<Receipt> receipts) {
        Set<String> now = new HashSet<>();
        for (Receipt r : receipts) {
            if (!"unknown".equals(r.period())) {
                now.add(r.kpiStateKey());
            }
        }
        Set<String> before = state(warehouse).orElse(Set.of());
        Set<String> changed = new TreeSet<>(java.util.Comparator.comparing(KpiFreshness::order));
        now.stream().filter(k -> !before.contains(k)).forEach(k -> changed.add(k.substring(0, k.indexOf('|'))));
        before.stream().filter(k -> !now.contains(k)).forEach(k -> changed.add(k.substring(0, k.indexOf('|'))));
        return changed;
    }

    /** The receipts the last complete KPI run saw; empty when it never completed or the state is unreadable. */
    static Optional<Set<String>> state(Path warehouse) {
        Path file = warehouse.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode receipts = new ObjectMapper().readTree(file.toFile()).path("receipts");
            if (!receipts.isArray()) {
                return Optional.empty();
            }
            Set<String> keys = new HashSet<>();
            receipts.forEach(k -> keys.add(k.asText()));
            return Optional.of(keys);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String order(String period) {
        try {
            Period p = Period.parse(period);
            return p.start() + "|" + (10 + p.type().months());
        } catch (IllegalArgumentException e) {
            return "~" + period;
        }
    }
}
