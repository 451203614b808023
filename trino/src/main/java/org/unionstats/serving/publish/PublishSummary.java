package org.unionstats.serving.publish;

import java.util.List;

/** What a publish did, table by table; {@code empty}: the folders published as empty tables, having no data yet. */
public record PublishSummary(String warehouse, List<TableOutcome> tables, List<String> views, List<String> dropped, List<String> empty,
        double seconds) {

    /** @param action created, updated (definition changed) or synced (unchanged definition, partitions synced) */
    public record TableOutcome(String table, String action, int partitions) {}

    public String describe() {
        long created = tables.stream().filter(t -> t.action().equals("created")).count();
        long updated = tables.stream().filter(t -> t.action().equals("updated")).count();
        int partitions = tables.stream().mapToInt(TableOutcome::partitions).sum();
        StringBuilder sb = new StringBuilder(String.format("published %s: %d tables (%d created, %d updated, %d unchanged; %,d partitions), %d views in %.1f s",
                warehouse, tables.size(), created, updated, tables.size() - created - updated, partitions, views.size(), seconds));
        if (!dropped.isEmpty()) {
            sb.append("\n  dropped (no longer in the warehouse): ").append(String.join(", ", dropped));
        }
        if (!empty.isEmpty()) {
            sb.append("\n  published empty (no data yet): ").append(String.join(", ", empty));
        }
        return sb.toString();
    }
}
