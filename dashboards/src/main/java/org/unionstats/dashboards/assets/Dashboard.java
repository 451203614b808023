package org.unionstats.dashboards.assets;

import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard: rows of charts on Superset's 12-column grid, native filters on top, and who may open it.
 *
 * @param adminOnly engineers only (the leader role does not see it)
 */
public record Dashboard(String slug, String titleZh, String descriptionZh, List<Row> rows, List<NativeFilter> filters, boolean adminOnly) {

    /** Charts side by side; widths add up to at most 12. */
    public record Row(List<Cell> cells) {}

    /** A chart and its size: width in grid columns (1-12), height in grid units (8 px each). */
    public record Cell(Chart chart, int width, int height) {}

    /**
     * A select filter on a dataset column.
     *
     * @param latestFirst a period filter: the newest first; it narrows the trends, not the charts of the latest period
     * @param parent the filter whose choice narrows this one's options (city under province), or null
     * @param preFilter limits the options (e.g. quarters only), or null
     * @param defaultValue chosen when the dashboard opens, or null
     */
    public record NativeFilter(String key, String nameZh, Dataset dataset, String column, boolean latestFirst, String parent,
            Filter preFilter, String defaultValue) {

        public NativeFilter(String key, String nameZh, Dataset dataset, String column, boolean latestFirst, String parent, Filter preFilter) {
            this(key, nameZh, dataset, column, latestFirst, parent, preFilter, null);
        }

        public String id() {
            return "NATIVE_FILTER-" + key;
        }
    }

    public String uuid() {
        return Ids.uuid("dashboard", slug);
    }

    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        rows.forEach(r -> r.cells().forEach(c -> charts.add(c.chart())));
        return charts;
    }

    public static Row row(Cell... cells) {
        return new Row(List.of(cells));
    }

    public static Cell cell(Chart chart, int width, int height) {
        return new Cell(chart, width, height);
    }
}
