package org.unionstats.dashboards.assets;

import java.util.List;

/**
 * A virtual dataset: SQL over the Trino views, its columns and saved metrics.
 *
 * @param key the file name and the table name in Superset
 * @param regionColumn the column row-level security filters a region on (null when the dataset has none)
 */
public record Dataset(String key, String titleZh, String sql, List<Column> columns, List<Metric> metrics, String regionColumn) {

    public String uuid() {
        return Ids.uuid("dataset", key);
    }

    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    public boolean hasMetric(String name) {
        return metrics.stream().anyMatch(m -> m.name().equals(name));
    }

    public Column temporalColumn() {
        return columns.stream().filter(Column::temporal).findFirst().orElse(null);
    }
}
